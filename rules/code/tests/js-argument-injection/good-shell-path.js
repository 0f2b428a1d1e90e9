const express = require('express');
const { execFileSync } = require('child_process');
const app = express();

// A shell after -c runs its argument as a command: that is command injection, reported by that rule, not
// an option read from an argument list.
app.post('/run', (req, res) => {
  execFileSync('/usr/local/bin/zsh', ['-c', req.body.script]);
  execFileSync('ksh', ['-c', req.body.script]);
  res.end();
});
