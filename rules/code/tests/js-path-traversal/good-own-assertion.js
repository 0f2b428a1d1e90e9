const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const ROOT = '/srv/site';

// Throws unless the path, made relative to the root, neither is `..` nor starts with `../`: under the root.
function assertPathUnderRoot(root, resolvedPath) {
  const relativePath = path.relative(root, resolvedPath);
  if (relativePath === '..' || relativePath.startsWith(`..${path.sep}`) || path.isAbsolute(relativePath)) {
    throw new Error('Path must resolve under the root');
  }
}

function resolveUnderRoot(root, filePath) {
  const resolvedPath = path.resolve(root, filePath);
  assertPathUnderRoot(root, resolvedPath);
  return resolvedPath;
}

app.get('/read', (req, res) => {
  fs.readFile(resolveUnderRoot(ROOT, req.query.file), (err, data) => res.end(data));
});

app.get('/stat', (req, res) => {
  const full = path.join(ROOT, req.query.file);
  assertPathUnderRoot(ROOT, full);
  fs.stat(full, (err, st) => res.json(st));
});

// The other shape: resolved first, then required to start with the root and a separator.
function assertInside(root, p) {
  const full = path.resolve(root, p);
  if (!full.startsWith(root + path.sep)) throw new Error('outside');
}

app.get('/list', async (req, res) => {
  const dir = req.query.dir;
  assertInside(ROOT, dir);
  res.json(await fs.promises.readdir(path.join(ROOT, dir)));
});
