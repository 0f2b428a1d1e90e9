#!/usr/bin/env node
// Commands the program does not fix, also in a command-line program (the default audit rule leaves those out).
const cp = require('child_process');
const { spawn } = require('node:child_process');

const target = process.argv[2];
// ruleid: code/js-audit-shell-command
cp.execSync(`tar czf backup.tgz ${target}`);
// ruleid: code/js-audit-shell-command
spawn('convert', [target, 'out.png'], { shell: true });
// ruleid: code/js-audit-shell-command
cp.execFile(target, { shell: true });
