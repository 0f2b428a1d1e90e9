// Near the name check: a function of run-time text that is called or kept in a name.
function check(name, body, row) {
  // ruleid: code/js-code-injection-audit
  new Function(name, 'return 1;')(row);
  // ruleid: code/js-code-injection-audit
  const f = new Function(name, 'return row;');
  // ruleid: code/js-code-injection-audit
  const g = Function('row', 'return ' + body);
  return [f, g];
}
module.exports = { check };
