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

// As `join`'s first argument an absolute path stays absolute (`/etc/passwd`, `/etc/passwd/index.html`).
app.get('/first', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(path.normalize(req.query.file).replace(/^(\.\.(\/|\\|$))+/, '')));
  const dir = path.normalize(req.query.dir).replace(/^(\.\.(\/|\\|$))+/, '');
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.join(dir, 'index.html')).pipe(res);
});

// `path.posix.normalize` leaves `a\..\..\x` as one name; a Windows `path.join` climbs out of BASE with it.
app.get('/posix', (req, res) => {
  const safeFile = path.posix.normalize(req.query.file).replace(/^(\.\.(\/|\\|$))+/, '');
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.join(BASE, safeFile)).pipe(res);
});
