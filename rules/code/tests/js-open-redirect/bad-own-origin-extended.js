// The origin alone (no path after the host), the path alone, or the address after another value, chooses
// another host when what is added starts with `@` or the path with `//`.
function go() {
  // ruleid: code/js-open-redirect
  window.location.href = window.location.origin + location.hash.slice(1);
  // ruleid: code/js-open-redirect
  window.location.href = location.pathname + '/edit';
  // ruleid: code/js-open-redirect
  window.location.href = location.hash.slice(1) + window.location.href;
  // ruleid: code/js-open-redirect
  window.location = location.href && location.hash.slice(1);
}
