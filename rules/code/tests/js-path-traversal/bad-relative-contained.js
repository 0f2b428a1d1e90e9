// A `path.relative` check is full containment only with the absolute case refused beside it, and only of a
// path already resolved: `relative` resolves against the working folder, not the root the path is joined to.
const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const root = path.resolve(__dirname, 'static');

router.get('/icons/*', (req, res) => {
  const file = path.resolve(root, req.params[0]);
  // On Windows `D:/x` resolves to `D:\x`, whose relative path from `C:\app\static` is `D:\x` itself: no `..`.
  if (path.relative(root, file).includes('..')) return res.sendStatus(404);
  // ruleid: code/js-path-traversal
  res.sendFile(file);
});

router.get('/docs', (req, res) => {
  const name = req.query.name;
  const rel = path.relative(root, name);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(404);
  // The check resolved `name` against the working folder; joined to the root it is another path.
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(root, name)));
});

router.get('/raw', (req, res) => {
  const name = req.query.name;
  // A raw name's `startsWith('..')` lets `a/../../etc/passwd` through.
  if (name.startsWith('..') || path.isAbsolute(name)) return res.sendStatus(404);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(root, name)));
});

module.exports = router;
