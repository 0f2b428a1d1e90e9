// Commands that look fixed but carry a run-time value.
const cp = require('child_process');

function commit(message, autoFix) {
  const cmd = ['git add -A', `git commit -m "${message}"`].join(' && ');
  // ruleid: code/js-command-injection-audit
  cp.execSync(cmd);
  let install = 'npm install';
  if (autoFix) install = process.env.INSTALL_COMMAND;
  // ruleid: code/js-command-injection-audit
  cp.execSync(install);
}
module.exports = { commit };
