const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();

// An anchored allow pattern asked on the wrong side: a name that fails it (`../../etc/passwd`) is the one used.
router.get('/inverted', (req, res) => {
  const { name } = req.query;
  if (/^[\w-]+$/.test(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
});

router.get('/else', (req, res) => {
  const { name } = req.query;
  if (/^[a-zA-Z0-9_-]+$/.test(name)) {
    res.send('plain name');
  } else {
    // ruleid: code/js-path-traversal
    res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
  }
});

module.exports = router;
