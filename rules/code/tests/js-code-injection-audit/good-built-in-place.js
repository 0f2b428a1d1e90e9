// Code text the call builds in place, the program's own code with values set into it: a comparison of two
// numbers and an operator, a call of the program's own function with an argument, a value inside a string
// literal, a callback definition around a filter. The audit profile's js-audit-eval reports each
// (bad-built-in-place.js there); the default rule reports a value run whole.
function matches(item, operator, value) {
  const price = parseFloat(value);
  return eval(`${item.getData('final_price')} ${operator} ${price}`);
}

function contextValue(request, decoded) {
  return eval(`getContextValue(request, ${decoded})`);
}

function asLiteral(settings, name) {
  const literalText = settings[name].replace(/"/g, '\\"');
  return new Function('datasources', 'return "' + literalText + '";');
}

function logFormat(config) {
  const template = config.replace(/\$/g, '').replace(/%message/g, '${info.message}');
  return new Function('info', `return \`${template}\`;`);
}

function overlayFilter(text) {
  return new Function('message', 'var callback = '.concat(decodeURIComponent(text), '\n return callback(message)'));
}

function later(name) {
  setTimeout('refresh("' + name + '")', 100);
}
function step(vm, sandbox, n) {
  return vm.runInNewContext(`total += ${n};`, sandbox);
}
module.exports = { step, matches, contextValue, asLiteral, logFormat, overlayFilter, later };
