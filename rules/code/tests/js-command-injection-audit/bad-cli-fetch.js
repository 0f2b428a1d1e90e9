#!/usr/bin/env node
// A command-line program that fetches a list from the network and runs what it got.
const { execSync } = require('child_process');

async function main() {
  const repo = process.argv[2];
  const res = await fetch(`https://api.example.test/repos/${repo}/hooks`);
  const { command } = await res.json();
  // ruleid: code/js-command-injection-audit
  execSync(command);
}
main();
