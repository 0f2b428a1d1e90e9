const cp = require('child_process');
const { exec } = require('child_process');

function archive(folder) {
  // ruleid: code/js-command-injection-audit
  cp.exec(`tar czf backup.tgz ${folder}`);
  // ruleid: code/js-command-injection-audit
  exec('rm -rf ' + folder, () => {});
}

function hook(cmd) {
  // ruleid: code/js-command-injection-audit
  cp.execSync(cmd);
  // ruleid: code/js-command-injection-audit
  cp.spawn(cmd, { shell: true });
}
module.exports = { archive, hook };
