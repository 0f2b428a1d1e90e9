const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const base = '/srv/files';

// A `..` check beside a refusal of an absolute path on the same side: neither a climb nor `/etc/passwd` passes,
// so the name stays under the base `path.resolve` starts from.
router.get('/leave', (req, res) => {
  const name = req.query.name;
  if (name.includes('..') || path.isAbsolute(name)) return res.sendStatus(400);
  res.send(fs.readFileSync(path.resolve(base, name)));
});

router.get('/enter', (req, res) => {
  const { name } = req.query;
  if (!/\.\./.test(name) && !path.isAbsolute(name)) {
    res.send(fs.readFileSync(path.resolve(base, name)));
  } else res.sendStatus(400);
});

module.exports = router;
