// A value the handler refuses unless it is one of a few literals is that literal afterwards.
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const ROOT = '/srv/uibuilder';

app.get('/files', (req, res) => {
  const params = req.query;
  let folder = params.folder || 'src';
  if (folder !== 'src' && folder !== 'dist' && folder !== 'root') {
    res.status(500).end();
    return;
  }
  if (folder === 'root') folder = '';
  fs.readdir(path.join(ROOT, folder), (err, files) => res.json(files));
});

app.get('/one', (req, res) => {
  if (req.query.kind !== 'logs') return res.sendStatus(400);
  res.send(fs.readFileSync(path.join(ROOT, req.query.kind, 'today.txt')));
});

app.get('/either', (req, res) => {
  const mode = req.query.mode;
  if (mode === 'light' || mode === 'dark') {
    res.send(fs.readFileSync(path.join(ROOT, 'themes', mode + '.css')));
  }
});
