// Fixed or sanitised markup.
const DOMPurify = require('dompurify');
const SHELL = '<main></main>';

function show(someVar, range) {
  const parser = new DOMParser();
  parser.parseFromString('<p>hello</p>', 'text/html');
  parser.parseFromString(SHELL, 'text/html');
  return range.createContextualFragment(DOMPurify.sanitize(someVar));
}
show(location.hash, document.createRange());
