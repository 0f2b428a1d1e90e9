const vm = require('vm');

function calc(expression, body, src) {
  // ruleid: code/js-code-injection-audit
  const v = eval(expression);
  // ruleid: code/js-code-injection-audit
  const f = new Function('a', body);
  // ruleid: code/js-code-injection-audit
  return vm.runInNewContext(src, {}) + v + f(1);
}
module.exports = { calc };
