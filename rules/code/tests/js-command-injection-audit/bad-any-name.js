// The module bound under a name of the file's choosing.
const child = require('child_process');
import * as proc from 'node:child_process';

function archive(folder) {
  // ruleid: code/js-command-injection-audit
  child.exec(`tar czf backup.tgz ${folder}`, () => {});
  // ruleid: code/js-command-injection-audit
  return proc.execSync(folder);
}
module.exports = { archive };

function later(cmd) {
  const child = require('child_process');
  // ruleid: code/js-command-injection-audit
  child.exec(cmd);
}
module.exports.later = later;
