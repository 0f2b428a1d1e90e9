// `encode` and `ansiHTML` of the file's own or of another package: no escaping is known.
const { encode } = require('./url-encoder');
const ansiHTML = require('./colours');

function show(text, node) {
  var shown = encode(text);
  // ruleid: code/js-xss-audit
  node.innerHTML = shown;
  var coloured = ansiHTML(text);
  // ruleid: code/js-xss-audit
  node.innerHTML = coloured;
}
