// The `..` check made on the decoded text, where it is used: it sees what the file system will.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const ROOT = path.resolve('public');

app.get('/named', (req, res) => {
  const name = decodeURIComponent(req.query.p);
  if (name.includes('..')) return res.status(400).end();
  // ok: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

app.use((req, res, next) => {
  const p = decodeURIComponent(req.path);
  if (/\.\./.test(p)) return next();
  // ok: code/js-path-traversal
  fs.createReadStream(path.join(ROOT, p)).pipe(res);
});

app.listen(3000);
