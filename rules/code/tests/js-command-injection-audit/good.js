const cp = require('child_process');

const CLEAN = 'make clean';

function archive(folder) {
  cp.execFile('tar', ['czf', 'backup.tgz', folder]);
  cp.spawn('tar', ['czf', 'backup.tgz', folder]);
  cp.exec('ls -l');
  cp.exec(CLEAN);
}
module.exports = { archive };
