const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const ROOT = '/srv/site';

// Refuses `../x` but not a bare `..`: the root's parent passes.
function assertNotAbove(root, p) {
  const rel = path.relative(root, p);
  if (rel.startsWith(`..${path.sep}`)) throw new Error('outside');
}

app.get('/parent', (req, res) => {
  const full = path.resolve(ROOT, req.query.dir);
  assertNotAbove(ROOT, full);
  // ruleid: code/js-path-traversal
  fs.readdir(full, (err, names) => res.json(names));
});

// Returns on the failing check without throwing: the caller goes on either way.
function warnOutside(root, p) {
  const rel = path.relative(root, p);
  if (rel.startsWith('..')) {
    console.warn('outside the root', p);
    return;
  }
}

app.get('/warned', (req, res) => {
  const full = path.resolve(ROOT, req.query.file);
  warnOutside(ROOT, full);
  // ruleid: code/js-path-traversal
  fs.readFile(full, (err, data) => res.end(data));
});

// Checks another value than the one it is given for.
function assertUnder(root, p) {
  const rel = path.relative(root, root);
  if (rel.startsWith('..')) throw new Error(p);
}

app.get('/other', (req, res) => {
  const file = req.query.file;
  assertUnder(ROOT, file);
  // ruleid: code/js-path-traversal
  fs.readFile(file, (err, data) => res.end(data));
});

// Compares the prefix before normalising: `/srv/site/../../etc/passwd` starts with the root.
function assertPrefixed(root, p) {
  if (!p.startsWith(root)) throw new Error('outside');
}

app.get('/prefixed', (req, res) => {
  const file = req.query.file;
  assertPrefixed(ROOT, file);
  // ruleid: code/js-path-traversal
  fs.readFile(file, (err, data) => res.end(data));
});

// The check is made on the value, then a new value is read from the request.
app.get('/replaced', (req, res) => {
  let full = path.resolve(ROOT, req.query.a);
  assertNotAbove2(ROOT, full);
  full = req.query.b;
  // ruleid: code/js-path-traversal
  fs.readFile(full, (err, data) => res.end(data));
});

function assertNotAbove2(root, p) {
  const rel = path.relative(root, p);
  if (rel.startsWith('..')) throw new Error('outside');
}
