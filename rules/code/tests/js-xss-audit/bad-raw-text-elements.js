// `innerHTML` of a `<style>` is text, but these are not known to be one.
function applyStyles(css) {
  var el = document.createElement('style');
  // `el` is bound to a `<div>` below as well: the name alone does not say which element it is.
  // ruleid: code/js-xss-audit
  el.innerHTML = css;
}
function showNotice(html) {
  // The same name bound to a `<div>` in another function: its content is markup.
  var el = document.createElement('div');
  // ruleid: code/js-xss-audit
  el.innerHTML = html;
}
function fill(box, html) {
  // ruleid: code/js-xss-audit
  box.innerHTML = html;
}
function restyle(css) {
  var box = document.createElement('style');
  box.textContent = css;
}
function replaceStyle(css) {
  var sheet = document.createElement('style');
  // outerHTML is parsed in the parent's context: a tag there becomes an element.
  // ruleid: code/js-xss-audit
  sheet.outerHTML = css;
  // ruleid: code/js-xss-audit
  sheet.insertAdjacentHTML('afterend', css);
}
