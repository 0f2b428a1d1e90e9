// A process id is a number the operating system gave: no shell text in it.
const { exec, spawn } = require('child_process');

function stopTerminal(term, sudo) {
  if (sudo && term && term.pid) {
    exec(`sudo -n kill -9 ${term.pid}`);
  }
  exec(`renice -n 10 -p ${process.pid}`);
}

// A list of fixed commands that the function also returns, to tell its caller what it runs.
function updatePackage() {
  const cmd = ['sudo -n /usr/bin/apt-get update', 'sudo -n /usr/bin/apt-get install --only-upgrade -y tool'];
  setTimeout(() => {
    exec(cmd.join(' && '), () => {});
  }, 100);
  return { ok: true, command: cmd };
}
module.exports = { stopTerminal, updatePackage, spawn };
