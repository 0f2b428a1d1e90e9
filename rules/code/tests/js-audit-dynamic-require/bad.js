// Modules loaded by names the program does not fix.
function plugin(name) {
  // ruleid: code/js-audit-dynamic-require
  const p = require(name);
  // ruleid: code/js-audit-dynamic-require
  const q = require(`./plugins/${name}`);
  return [p, q];
}

async function lazy(kind) {
  // ruleid: code/js-audit-dynamic-require
  return import(kind);
}
module.exports = { plugin, lazy };
