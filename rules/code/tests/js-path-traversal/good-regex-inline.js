const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();

// The same test without the `m` flag: the whole value is letters, digits, `_`, `.` and `-`, so no `/`.
router.get('/doc', (req, res) => {
  const { name } = req.query;
  if (!/^[\w.-]+$/.test(name)) return res.sendStatus(400);
  res.send(fs.readFileSync(path.join('/srv/app', 'docs', name)));
});

// A refusing test needs no anchors: `/\.\./m` still refuses any value with `..` on any line.
router.get('/page', (req, res) => {
  const { page } = req.query;
  if (/\.\.|\//m.test(page)) return res.sendStatus(400);
  res.send(fs.readFileSync(path.join('/srv/app', 'pages', page)));
});

// A negated class with the `m` flag is no anchor: any character outside the list, on any line, refuses.
router.get('/part', (req, res) => {
  const { part } = req.query;
  if (/[^\w-]/m.test(part)) return res.sendStatus(400);
  res.send(fs.readFileSync(path.join('/srv/app', 'parts', part)));
});

module.exports = router;
