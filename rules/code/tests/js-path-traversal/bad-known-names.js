const path = require('path');
const express = require('express');
const app = express();
const themes = new Map();

// A membership test of another value guards nothing: the name checked is not the one joined.
app.get('/themes/:theme', (req, res) => {
  if (!themes.has(req.query.fallback)) return res.status(404).end();
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(__dirname, 'themes', req.params.theme));
});


// Checked in one callback, used unchecked in another; and a predicate named for something else.
const utils = require('./utils');
const fs = require('fs');
app.post('/upload', (req, res) => {
  const dstDir = decodeURIComponent(req.query.to);
  req.busboy.on('file', (field, file, name) => {
    if (!utils.isPathSane(name) || !utils.isPathSane(dstDir)) return;
    file.resume();
  });
  req.busboy.on('finish', () => {
    // ruleid: code/js-path-traversal
    fs.readdir(path.join(__dirname, 'files', dstDir), () => res.end());
  });
  const from = req.query.from;
  if (!isPathTooLong(from)) return res.status(400).end();
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(__dirname, 'files', from));
});

// A check named for a name, not a file name, says nothing about separators.
function checkName(name) {
  return name && name.length < 64;
}
app.post('/keys', (req, res) => {
  const name = req.body.name;
  if (!checkName(name)) return res.status(400).end();
  // ruleid: code/js-path-traversal
  fs.writeFile(path.join(__dirname, 'keys', name), req.body.key, () => res.end());
});
