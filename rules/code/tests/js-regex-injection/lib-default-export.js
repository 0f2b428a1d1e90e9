'use strict';
// A default export as Babel and TypeScript compile it to CommonJS: the module object is the function.
function highlightPattern(query) {
  return '(' + query + ')';
}
exports.default = highlightPattern;
module.exports = exports.default;
