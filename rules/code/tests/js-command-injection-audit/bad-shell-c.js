const { spawn, execFile } = require('child_process');

// A shell given the command after -c runs it as exec would.
function viaShell(cmd) {
  // ruleid: code/js-command-injection-audit
  spawn('sh', ['-c', cmd]);
}

function viaBash(cmd) {
  // ruleid: code/js-command-injection-audit
  spawn('/usr/bin/bash', ['-c', `cd ${cmd}`], { stdio: 'inherit' });
  // ruleid: code/js-command-injection-audit
  execFile('/bin/sh', ['-c', cmd], () => {});
}

module.exports = { viaShell, viaBash };
