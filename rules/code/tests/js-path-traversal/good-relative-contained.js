const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const root = path.resolve(__dirname, 'static');

// `path.relative(root, file)` of a resolved file starts with a `..` segment exactly where the file leaves the
// root; on Windows a file on another drive comes back absolute, which `path.isAbsolute(rel)` refuses.
router.get('/icons/*', (req, res) => {
  const file = path.resolve(root, req.params[0]);
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return res.sendStatus(404);
  res.sendFile(file);
});

// The same in the positive form, the relative path written in the check itself.
router.get('/docs/*', (req, res) => {
  const file = path.resolve(root, req.params[0]);
  if (!path.relative(root, file).includes('..') && !path.isAbsolute(path.relative(root, file))) {
    res.send(fs.readFileSync(file));
  } else res.sendStatus(404);
});

// Compiled TypeScript calls the module's functions as `(0, path_1.relative)(…)`.
router.get('/pages/*', (req, res) => {
  const page = (0, path.resolve)(root, req.params[0]);
  const rel = (0, path.relative)(root, page);
  if (rel.startsWith('..') || (0, path.isAbsolute)(rel)) return res.sendStatus(404);
  res.sendFile(page);
});

module.exports = router;
