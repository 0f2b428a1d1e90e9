// Writes under keys the program does not fix.
function merge(target, source) {
  for (const key in source) {
    // ruleid: code/js-audit-computed-key-write
    target[key] = source[key];
  }
  return target;
}

function set(obj, path, value) {
  // ruleid: code/js-audit-computed-key-write
  obj[path.split('.')[0]] = value;
}
var a = {};
// ruleid: code/js-audit-computed-key-write
a[b] = 4;
module.exports = { merge, set };

// A fixed part a dangerous key can hold: `'__' + 'proto__'`.
function prefixed(o, rest, v) {
  // ruleid: code/js-audit-computed-key-write
  o['__' + rest] = v;
  // ruleid: code/js-audit-computed-key-write
  o[`${rest}type`] = v;
}
module.exports.prefixed = prefixed;

// A fixed default is only used when the key is empty: the key itself can be `__proto__`.
function withDefault(o, name, v) {
  // ruleid: code/js-audit-computed-key-write
  o[name || 'default'] = v;
  // ruleid: code/js-audit-computed-key-write
  o[name ?? 'main'] = v;
}
module.exports.withDefault = withDefault;
