// A check of a name says nothing of the name once it is given another request value after the check.
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const ROOT = '/srv/files';

app.get('/choice', (req, res) => {
  let folder = req.query.folder;
  if (folder !== 'src' && folder !== 'dist') return res.sendStatus(400);
  folder = req.query.other;
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, folder, 'index.html')));
});

app.get('/listed', (req, res) => {
  let name = req.query.name;
  if (!['a.txt', 'b.txt'].includes(name)) return res.sendStatus(400);
  name = req.body.name;
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

app.get('/inside', (req, res) => {
  let mode = req.query.mode;
  if (mode === 'light') {
    mode = req.query.theme;
    // ruleid: code/js-path-traversal
    res.send(fs.readFileSync(path.join(ROOT, 'themes', mode + '.css')));
  }
});
