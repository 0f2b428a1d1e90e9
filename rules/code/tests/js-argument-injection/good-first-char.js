const { execFile, spawn } = require('child_process');
const express = require('express');
const app = express();

// The first character is checked and the request refused when it is '-'.
app.get('/show', (req, res) => {
  const rev = req.query.rev;
  if (rev[0] === '-') return res.status(400).end();
  execFile('git', ['show', rev], (err, out) => res.send(out));
});

app.get('/blame', (req, res) => {
  const file = String(req.query.file);
  if (file.charAt(0) === '-') throw new Error('bad file name');
  spawn('git', ['blame', file]).stdout.pipe(res);
});

app.get('/tag', (req, res) => {
  const name = req.query.name;
  if (/^-/.test(name)) return res.status(400).end();
  execFile('git', ['tag', name], (err, out) => res.send(out));
});
