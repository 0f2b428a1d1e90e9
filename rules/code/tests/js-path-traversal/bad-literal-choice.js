// Literal comparisons that leave the value free: two values in one chain, or the side where the check failed.
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const ROOT = '/srv/uibuilder';

app.get('/files', (req, res) => {
  const folder = req.query.folder;
  const kind = req.query.kind;
  // Either test failing leaves the other value unchecked.
  if (folder !== 'src' && kind !== 'list') return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  fs.readdir(path.join(ROOT, folder), (err, files) => res.json(files));
});

app.get('/other', (req, res) => {
  const folder = req.query.folder;
  if (folder !== 'src') {
    // ruleid: code/js-path-traversal
    res.send(fs.readFileSync(path.join(ROOT, folder, 'index.html')));
  }
});

app.get('/either', (req, res) => {
  const mode = req.query.mode;
  // An `||` of inequalities is true for every value.
  if (mode !== 'light' || mode !== 'dark') {
    // ruleid: code/js-path-traversal
    res.send(fs.readFileSync(path.join(ROOT, 'themes', mode + '.css')));
  }
});
