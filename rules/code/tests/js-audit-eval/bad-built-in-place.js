// examples also for: code/js-code-injection-audit
// Code text the call builds in place, the program's own code with values set into it (a comparison of numbers and
// an operator, a call of the program's own function, a value inside a string literal, a callback definition around
// a filter): a lead only in the audit profile; code/js-code-injection-audit reports none of them (it reports a
// value run whole, bad-run-whole.js).
function matches(item, operator, value) {
  const price = parseFloat(value);
  // ruleid: code/js-audit-eval
  return eval(`${item.getData('final_price')} ${operator} ${price}`);
}

function contextValue(request, decoded) {
  // ruleid: code/js-audit-eval
  return eval(`getContextValue(request, ${decoded})`);
}

function asLiteral(settings, name) {
  const literalText = settings[name].replace(/"/g, '\\"');
  // ruleid: code/js-audit-eval
  return new Function('datasources', 'return "' + literalText + '";');
}

function logFormat(config) {
  const template = config.replace(/\$/g, '').replace(/%message/g, '${info.message}');
  // ruleid: code/js-audit-eval
  return new Function('info', `return \`${template}\`;`);
}

function overlayFilter(text) {
  // ruleid: code/js-audit-eval
  return new Function('message', 'var callback = '.concat(decodeURIComponent(text), '\n return callback(message)'));
}

function later(name) {
  // ruleid: code/js-audit-eval
  setTimeout('refresh("' + name + '")', 100);
}
function step(vm, sandbox, n) {
  // ruleid: code/js-audit-eval
  return vm.runInNewContext(`total += ${n};`, sandbox);
}
module.exports = { step, matches, contextValue, asLiteral, logFormat, overlayFilter, later };
