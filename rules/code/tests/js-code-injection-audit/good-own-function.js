// A function the program text writes, run from its source: a worker shim that evaluates `'(' + fn + ')()'` in a
// context, given a function literal at every call. The text is that function's source, the program's own code.
const vm = require('vm');

function runIsolated(fn, sandbox) {
  return vm.runInNewContext('(' + fn + ')()', sandbox);
}

function startWorkers() {
  const a = runIsolated(function () {
    return typeof postMessage;
  }, { postMessage() {} });
  const b = runIsolated(() => 42, {});
  return [a, b];
}

module.exports = { startWorkers };
