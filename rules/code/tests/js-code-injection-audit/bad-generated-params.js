// Near the bind shim: a parameter list whose names come from outside, a counter the loop body also sets, an
// array the function also fills otherwise, or a body that is not only literals around the list.
function bindNamed(target, paramNames) {
  var boundArgs = [];
  for (var i = 0; i < paramNames.length; i++) {
    boundArgs.push(paramNames[i]);
  }
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this, arguments); }')(target);
}

function bindPrefixed(target, names) {
  var boundArgs = [];
  for (var i = 0; i < names.length; i++) {
    boundArgs.push('$' + names[i]);
  }
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this, arguments); }')(target);
}

function bindCounterSet(target, n, start) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    i = start;
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindDestructured(target, n, names) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    [i] = [names[i]];
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindMixed(target, n, extra) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  boundArgs[0] = extra;
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){}')(target);
}

function bindWithBody(target, n, body) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  // ruleid: code/js-code-injection-audit
  return Function('binder', 'return function (' + boundArgs.join(',') + '){' + body + '}')(target);
}

function bindUnshift(target, n, extra) {
  var boundArgs = [];
  for (var i = 0; i < n; i++) {
    boundArgs.push('$' + i);
  }
  boundArgs.unshift(extra);
  // ruleid: code/js-code-injection-audit
  return new Function('binder', `return function (${boundArgs.join(',')}) {}`)(target);
}
module.exports = { bindNamed, bindPrefixed, bindCounterSet, bindDestructured, bindMixed, bindWithBody, bindUnshift };
