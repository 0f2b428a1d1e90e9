// A field named pid of a message or request is whatever its sender wrote.
const { exec } = require('child_process');

function stop(msg) {
  // ruleid: code/js-command-injection-audit
  exec(`kill -9 ${msg.data.pid}`);
}

// A list handed to another function under a field, which may add to it before it runs.
function updatePackage(plan) {
  const cmd = ['apt-get update'];
  plan.steps = { command: cmd };
  setTimeout(() => {
    // ruleid: code/js-command-injection-audit
    exec(cmd.join(' && '), () => {});
  }, 100);
}

// A builder: the record returned holds the list with the function that runs it, so the caller may add to it first.
function gitLog() {
  const parts = ['git', 'log', '--oneline'];
  return {
    parts,
    run() {
      // ruleid: code/js-command-injection-audit
      return exec(parts.join(' '));
    },
  };
}
module.exports = { stop, updatePackage, gitLog };
