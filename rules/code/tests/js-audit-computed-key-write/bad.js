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
