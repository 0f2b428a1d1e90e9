// Fixed patterns and escaped outside text.
const escapeRegExp = require('lodash/escapeRegExp');
const WORD = '\\w+';

function find(items, term) {
  const a = new RegExp('ab+c', 'i');
  var source = 'ab+c';
  const b = new RegExp(source, 'i');
  const c = new RegExp(WORD);
  const d = new RegExp(escapeRegExp(term));
  return items.filter((x) => a.test(x) || b.test(x) || c.test(x) || d.test(x));
}
module.exports = { find };
