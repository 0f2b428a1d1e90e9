const express = require('express');
const { spawn } = require('child_process');
const app = express();

// A shell given a script file and the request's value as its argument: the value is no shell text.
app.post('/build', (req, res) => {
  spawn('/usr/bin/bash', ['./build.sh', req.body.target]);
  spawn('/usr/bin/bash', ['-c', 'make all']);
  res.end();
});
