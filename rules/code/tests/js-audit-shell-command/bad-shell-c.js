#!/usr/bin/env node
// A shell given the command after -c runs it as exec does, whatever the program is named.
const { spawn, execFileSync } = require('child_process');

const target = process.argv[2];
// ruleid: code/js-audit-shell-command
spawn('sh', ['-c', `tar czf backup.tgz ${target}`]);
// ruleid: code/js-audit-shell-command
execFileSync('/usr/bin/bash', ['-c', target], { stdio: 'inherit' });
