// Fixed keys and numeric indexes.
const KEY = 'name';

function fill(list, out) {
  const o = {};
  o['fixed'] = 1;
  o[KEY] = 2;
  for (let i = 0; i < list.length; i++) {
    out[i] = list[i];
    out[i + 1] = list[i];
  }
  out[out.length] = 0;
  return o;
}
module.exports = { fill };

// A fixed part no dangerous key holds: `__proto__`, `constructor` and `prototype` cannot come out.
function classes(color, name, o) {
  o['button__' + color] = true;
  o[`${name}Groups`] = {};
  return o;
}
module.exports.classes = classes;
