const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/public';

// An absolute path keeps no `..` to strip: used as it is, or under `path.resolve`, it leaves BASE.
app.get('/direct', (req, res) => {
  const safeFile = path.normalize(req.query.file).replace(/^(\.\.(\/|\\|$))+/, '');
  // ruleid: code/js-path-traversal
  res.sendFile(safeFile);
});

app.get('/resolved', (req, res) => {
  const safeFile = path.normalize(req.query.file).replace(/^(\.\.(\/|\\|$))+/, '');
  // ruleid: code/js-path-traversal
  fs.readFile(path.resolve(BASE, safeFile), (err, data) => res.end(data));
});

// Joined under BASE here, but also read as it is.
app.get('/both', (req, res) => {
  const safeFile = path.normalize(req.query.file).replace(/^(\.\.(\/|\\|$))+/, '');
  // ruleid: code/js-path-traversal
  if (!fs.existsSync(path.join(BASE, safeFile))) return res.sendStatus(404);
  // ruleid: code/js-path-traversal
  fs.createReadStream(safeFile).pipe(res);
});

// Without the `$` branch a bare `..` stays (`../..` becomes `..`), one level above BASE.
app.get('/parent', (req, res) => {
  const safeFile = path.normalize(req.query.dir).replace(/^(\.\.\/)+/, '');
  // ruleid: code/js-path-traversal
  fs.readdir(path.join(BASE, safeFile), (err, names) => res.json(names));
});
