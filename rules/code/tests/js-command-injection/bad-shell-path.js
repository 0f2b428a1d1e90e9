const express = require('express');
const { spawn, execFileSync } = require('child_process');
const app = express();

// A shell named by any of its usual paths runs the command after -c.
app.post('/build', (req, res) => {
  // ruleid: code/js-command-injection
  spawn('/usr/bin/bash', ['-c', `make ${req.body.target}`]);
  // ruleid: code/js-command-injection
  execFileSync('/usr/local/bin/zsh', ['-c', req.body.script]);
  // ruleid: code/js-command-injection
  spawn('ksh', ['-c', req.body.script]);
  res.end();
});
