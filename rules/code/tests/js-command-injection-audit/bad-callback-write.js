// A parameter set to a constant, and written by a callback registered earlier that may run at any time later
// (before the timer fires, or while the function awaits): the command is not that constant.
const cp = require('child_process');

function watch(cmd, emitter) {
  emitter.on('command', (next) => {
    cmd = next;
  });
  cmd = 'uptime';
  setInterval(() => {
    // ruleid: code/js-command-injection-audit
    cp.exec(cmd);
  }, 1000);
}

async function runOnce(cmd, emitter, ready) {
  emitter.once('command', (next) => {
    cmd = next;
  });
  cmd = 'uptime';
  await ready();
  // ruleid: code/js-command-injection-audit
  cp.execSync(cmd);
}

module.exports = { watch, runOnce };
