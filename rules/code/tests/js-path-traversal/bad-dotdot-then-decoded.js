// A `..` check made on the text before it is decoded: `%2e%2e%2f` (doubly encoded past Express's own decoding,
// `%252e%252e%252f`) is `../` again once decodeURIComponent has run (CWE-174; Ghost's CVE-2023-32235 is the
// same order, a deny-list on the raw path before the static server decodes it).
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const ROOT = path.resolve('public');

app.get('/inline', (req, res) => {
  const p = req.query.p;
  if (p.includes('..')) return res.status(400).end();
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, decodeURIComponent(p))));
});

app.get('/named', (req, res) => {
  const p = req.query.p;
  if (p.includes('..')) return res.status(400).end();
  const name = decodeURIComponent(p);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

app.use((req, res, next) => {
  if (req.path.endsWith('.hbs') || /\.\./.test(req.path)) return next();
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.join(ROOT, unescape(req.path))).pipe(res);
});

app.listen(3000);
