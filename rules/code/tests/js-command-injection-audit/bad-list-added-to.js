// A command built from a list the code declares with constant words and then adds run-time words to: the
// joined command is not constant.
const cp = require('child_process');

function clone(url, dir) {
  const args = ['git', 'clone', '--depth', '1'];
  args.push(url, dir);
  // ruleid: code/js-command-injection-audit
  return cp.execSync(args.join(' '));
}

function install(names) {
  const parts = ['npm', 'install'];
  parts.splice(2, 0, ...names);
  // ruleid: code/js-command-injection-audit
  cp.exec(parts.join(' '));
}

function remove(file) {
  const words = ['rm', '-f'];
  words[2] = file;
  const command = words.join(' ');
  // ruleid: code/js-command-injection-audit
  cp.execSync(command);
}

const GIT_LOG = ['git', 'log', '--oneline'];

function history(range) {
  GIT_LOG.push(range);
  // ruleid: code/js-command-injection-audit
  return cp.execSync(GIT_LOG.join(' '));
}

module.exports = { clone, install, remove, history };
