const vm = require('vm');

function calc() {
  const v = eval('1 + 1');
  const f = new Function('a', 'return a * 2');
  return vm.runInNewContext('x + 1', { x: 1 }) + v + f(1);
}
module.exports = { calc };
