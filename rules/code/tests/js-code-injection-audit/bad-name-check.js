// Near the name check: a function of run-time text that is called, kept, or given a body built at run time.
function check(name, body, row) {
  // ruleid: code/js-code-injection-audit
  new Function(name, 'return 1;')(row);
  // ruleid: code/js-code-injection-audit
  const f = new Function(name, 'return row;');
  // ruleid: code/js-code-injection-audit
  new Function('row', body);
  // ruleid: code/js-code-injection-audit
  Function('row', 'return ' + body);
  return f;
}
module.exports = { check };
