// A parameter list built in place (the bind shim's shape and its variants: names from outside, a counter the loop
// body also sets, an array filled otherwise, a body around the list): the program's own code with values set into
// it, which code/js-code-injection-audit leaves to this rule.
function bindNamed(target, paramNames) {
  var boundArgs = [];
  for (var i = 0; i < paramNames.length; i++) {
    boundArgs.push(paramNames[i]);
  }
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this, arguments); }')(target);
}

function bindPrefixed(target, names) {
  var boundArgs = [];
  for (var i = 0; i < names.length; i++) {
    boundArgs.push('$' + names[i]);
  }
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this, arguments); }')(target);
}

function bindCounterSet(target, n, start) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    i = start;
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindDestructured(target, n, names) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    [i] = [names[i]];
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindMixed(target, n, extra) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  boundArgs[0] = extra;
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindWithBody(target, n, body) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-audit-eval
  return Function('binder', 'return function (' + boundArgs.join(',') + '){' + body + '}')(target);
}

function bindUnshift(target, n, extra) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  boundArgs.unshift(extra);
  // ruleid: code/js-audit-eval
  return new Function('binder', `return function (${boundArgs.join(',')}) {}`)(target);
}
module.exports = { bindNamed, bindPrefixed, bindCounterSet, bindDestructured, bindMixed, bindWithBody, bindUnshift };
