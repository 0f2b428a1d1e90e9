// Patterns the program does not fix.
function find(items, term, flags) {
  // ruleid: code/js-audit-dynamic-regexp
  const re = new RegExp(term, 'i');
  // ruleid: code/js-audit-dynamic-regexp
  const wide = RegExp('^' + term + '$', flags);
  return items.filter((x) => re.test(x) || wide.test(x));
}
module.exports = { find };
