#!/usr/bin/env node
// A maintainer's release script: the commands come from constants and the invoker's own arguments.
// Whoever runs it already has a shell, so the command line gives them nothing new.
const childProcess = require('child_process');

const release = process.argv[2];
const dryRun = process.argv.includes('--dry-run');

const run = (cmd, opts = {}) => childProcess.execSync(cmd, { stdio: 'inherit', ...opts });

run(`npm version ${release}`);
run(`git push${dryRun ? ' --dry-run' : ''} origin HEAD --tags`);
