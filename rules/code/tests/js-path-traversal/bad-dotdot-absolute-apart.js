const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();
const base = '/srv/files';

// A refusal of an absolute path that does not hold where the `..` check does: `&&` (an absolute path without a
// `..` passes), the absolute test of another value, a negated test in an `||`, and a test whose branch goes on.
router.get('/and', (req, res) => {
  const name = req.query.name;
  if (name.includes('..') && path.isAbsolute(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.resolve(base, name)));
});

router.get('/other', (req, res) => {
  const { name, dir } = req.query;
  if (name.includes('..') || path.isAbsolute(dir)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.resolve(base, name)));
});

router.get('/or-not', (req, res) => {
  const name = req.query.name;
  if (!name.includes('..') || !path.isAbsolute(name)) {
    // ruleid: code/js-path-traversal
    res.send(fs.readFileSync(path.resolve(base, name)));
  }
});

router.get('/apart', (req, res) => {
  const name = req.query.name;
  if (name.includes('..')) return res.sendStatus(400);
  if (path.isAbsolute(name)) console.warn('absolute name', name);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.resolve(base, name)));
});

module.exports = router;
