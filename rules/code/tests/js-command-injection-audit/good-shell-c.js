const { spawn } = require('child_process');

// A shell given a fixed script, or a program given its argument list without a shell.
function listing(dir) {
  spawn('sh', ['-c', 'ls -la | sort']);
  spawn('ls', ['-la', dir]);
  spawn('sh', ['./build.sh', dir]);
}
module.exports = { listing };
