// Markup the program does not fix, parsed into nodes.
function show(someVar, range) {
  const parser = new DOMParser();
  // ruleid: code/js-audit-html-parse
  window.doc = parser.parseFromString(someVar, 'text/html');
  // ruleid: code/js-audit-html-parse
  return range.createContextualFragment(`<div>${someVar}</div>`);
}
show(location.hash, document.createRange());
