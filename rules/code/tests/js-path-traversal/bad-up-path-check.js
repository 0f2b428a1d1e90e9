// The same predicates where they do not refuse the path: answered true it is used anyway, or the predicate is
// named for something else (a parent folder test answers true for a path under it, and says nothing of `..`).
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const UP_PATH = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
function hasDotDot(p) {
  return UP_PATH.test(p);
}
function isParentPath(p) {
  return p.startsWith('/');
}

app.get('/logged/*', (req, res) => {
  if (hasDotDot(req.path)) {
    console.warn('climbing path', req.path.length);
  }
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.join(__dirname, 'files', req.path)).pipe(res);
});

app.get('/parent/*', (req, res) => {
  if (isParentPath(req.path)) return res.status(403).end();
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.join(__dirname, 'files', req.path)).pipe(res);
});
