// The Function.prototype.bind shim of es5-shim and function-bind (bundled into sockjs-client, mocha and many
// browserify builds): a wrapper with as many parameters as the target, named '$0', '$1', … by a counting loop.
// The text is made of literals and numbers only.
function bind(that) {
  var target = this;
  var args = Array.prototype.slice.call(arguments, 1);
  var binder = function () {
    return target.apply(that, args.concat(Array.prototype.slice.call(arguments)));
  };
  var boundLength = Math.max(0, target.length - args.length);
  var boundArgs = [];
  for (var i = 0; i < boundLength; i++) {
    boundArgs.push('$' + i);
  }
  var bound = Function('binder', 'return function (' + boundArgs.join(',') + '){ return binder.apply(this, arguments); }')(binder);
  return bound;
}

const makeArity = (fn, n) => {
  const names = [];
  for (let k = 0; k < n; k += 1) {
    names.push('a' + k);
  }
  return new Function('fn', `return function (${names.join(', ')}) { return fn.apply(this, arguments); }`)(fn);
};
module.exports = { bind, makeArity };
