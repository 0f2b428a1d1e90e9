const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();

// A pattern that lets `.` through (`..` passes), and one not anchored at its end (`a/../../x` passes).
function checkChars(name) {
  if (!/^[\w.-]+$/.test(name)) return false;
  return true;
}

function checkPrefix(name) {
  if (!/^[a-z0-9_-]+/.test(name)) return false;
  return true;
}

router.get('/files/a', (req, res) => {
  const { name } = req.query;
  if (!checkChars(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
});

router.get('/files/b', (req, res) => {
  const { name } = req.query;
  if (!checkPrefix(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'files', name)));
});

module.exports = router;
