// A predicate the application names for finding a `..` segment refuses the path when it answers true: the raw
// request path (not percent-decoded) with no `..` segment stays under the folder it is joined to.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const UP_PATH = /(?:^|[\\/])\.\.(?:[\\/]|$)/;
const util = {
  existsUpPath(p) {
    return UP_PATH.test(p);
  },
};
function hasDotDot(p) {
  return UP_PATH.test(p);
}

// A handler that answers 403 first.
app.get('/cgi/*', (req, res) => {
  if (util.existsUpPath(req.path) || !req.query.ok) {
    return res.status(403).end('Forbidden');
  }
  const file = path.join(__dirname, 'cgi', req.path) + '.js';
  // ok: code/js-path-traversal
  fs.stat(file, (err, stat) => res.send(String(!err && stat.isFile())));
});

// The else branch of the check, reading a part of the checked path.
app.get('/plugin/*', (req, res) => {
  const index = req.path.indexOf('/', 1);
  if (index === -1 || hasDotDot(req.path)) {
    res.end();
  } else {
    const file = req.path.substring(index + 1);
    // ok: code/js-path-traversal
    fs.createReadStream(path.join(__dirname, 'plugins', file)).pipe(res);
  }
});
