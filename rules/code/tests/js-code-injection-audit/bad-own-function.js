// The same shim given text at one of its calls (a script read from a message): whoever wrote that text runs
// code. A function literal at the other calls does not make the parameter the program's own.
const vm = require('vm');

function runIsolated(fn, sandbox) {
  // ruleid: code/js-code-injection-audit
  return vm.runInNewContext('(' + fn + ')()', sandbox);
}

function startWorkers(job) {
  const a = runIsolated(function () {
    return typeof postMessage;
  }, { postMessage() {} });
  const b = runIsolated(job.script, {});
  return [a, b];
}

module.exports = { startWorkers };
