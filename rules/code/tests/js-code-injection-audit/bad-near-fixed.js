// Code that looks fixed but carries a run-time value.
const vm = require('vm');

const PRELUDE = 'var total = 0;';

function run(sandbox, step) {
  const src = `${PRELUDE} total += ${step};`;
  // ruleid: code/js-code-injection-audit
  return new vm.Script(src).runInNewContext(sandbox);
}
module.exports = { run };
