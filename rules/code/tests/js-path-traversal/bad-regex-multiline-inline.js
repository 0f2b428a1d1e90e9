const express = require('express');
const fs = require('fs');
const path = require('path');

const router = express.Router();

// An anchored test with the `m` flag, written in the handler: `^` and `$` match at any line, so
// `a\n/../../../etc/passwd` passes (its first line is clean) and `path.join` climbs out of the folder.
router.get('/doc', (req, res) => {
  const { name } = req.query;
  if (!/^[\w.-]+$/m.test(name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join('/srv/app', 'docs', name)));
});

module.exports = router;
