// eval through the global object, Function without `new`, and timers given text.
function run(expression, body, name) {
  // ruleid: code/js-code-injection-audit
  const v = window.eval('(' + expression + ')');
  // ruleid: code/js-code-injection-audit
  const f = Function('a', body);
  // ruleid: code/js-code-injection-audit
  setTimeout(body + ';', 100);
  // ruleid: code/js-code-injection-audit
  globalThis.setInterval(`(${body})()`, 1000);
  return v + f(1);
}
module.exports = { run };
