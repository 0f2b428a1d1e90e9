// A closure runs later: a value written after it was made reaches it, and so does one written in a branch
// that does not enclose it.
const express = require('express');
const cp = require('child_process');

const app = express();

app.get('/later', (req, res) => {
  let cmd = 'ls';
  // ruleid: code/js-command-injection
  setTimeout(() => cp.execSync(cmd), 10);
  cmd = 'ls ' + req.query.dir;
  res.sendStatus(202);
});

app.get('/branch', async (req, res) => {
  let target = '/usr/bin/chromium';
  if (req.query.custom) {
    target = req.query.custom;
  }
  const out = await new Promise((resolve) => {
    // ruleid: code/js-command-injection
    setTimeout(() => resolve(cp.execSync(target + ' --version')), 10);
  });
  res.send(out);
});
