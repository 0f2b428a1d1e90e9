const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/public';

// `path.normalize` gathers every `..` at the front of a relative path; stripping all of them (a bare `..`
// too, the `$` branch) leaves a path with none, and `path.join` keeps even an absolute one under BASE
// (`join('/srv/public', '/etc/passwd')` is `/srv/public/etc/passwd`).
app.get('/public/*', (req, res) => {
  const safeFile = path.normalize(req.params[0]).replace(/^(\.\.(\/|\\|$))+/, '');
  const fullpath = path.join(BASE, 'files', safeFile);
  if (fs.existsSync(fullpath)) res.sendFile(fullpath);
  else res.sendStatus(404);
});

app.get('/inline/*', (req, res) => {
  fs.createReadStream(path.join(BASE, path.normalize(req.params[0]).replace(/^(\.\.(\/|\\|$))+/, ''))).pipe(res);
});

// The same, written as a chain over several lines.
app.get('/chained/*', (req, res) => {
  const safeFile = path
    .normalize(req.params[0])
    .replace(/^(\.\.(\/|\\|$))+/, '');
  const fullpath = path.join(BASE, 'public', safeFile);
  if (fs.existsSync(fullpath)) res.sendFile(fullpath);
  else res.sendStatus(404);
});
