// Fixed commands, no shell, or not child_process.
const child_process = require('child_process');
const { spawn } = require('child_process');
const FOO = 'ls';

function run(str, file) {
  child_process.exec('ls');
  child_process.exec(FOO);
  child_process.execFile('node', ['--version'], { shell: true });
  spawn('ls', ['-la'], { shell: true });
  // Without a shell an argument is one word: the default rules judge where it comes from.
  spawn(str);
  child_process.execFile('convert', [file, 'out.png']);
  // A regular expression's exec.
  const child = /hello/;
  return child.exec(str);
}
module.exports = { run };
