// A checked name given a value made from itself or a fixed one keeps what the check said of it.
const fs = require('fs');
const path = require('path');
const express = require('express');

const app = express();
const ROOT = '/srv/files';

app.get('/choice', (req, res) => {
  let folder = req.query.folder;
  if (folder !== 'src' && folder !== 'dist' && folder !== 'root') return res.sendStatus(400);
  if (folder === 'root') folder = '';
  folder = folder.toLowerCase();
  res.send(fs.readFileSync(path.join(ROOT, folder, 'index.html')));
});

app.get('/listed', (req, res) => {
  let name = req.query.name;
  if (!['a', 'b'].includes(name)) return res.sendStatus(400);
  name += '.txt';
  res.send(fs.readFileSync(path.join(ROOT, name)));
});
