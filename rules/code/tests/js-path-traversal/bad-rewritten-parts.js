const express = require('express');
const fs = require('fs');
const path = require('path');
const utils = require('./utils');
const app = express();

// Rewritten part by part, but with a value that keeps '/': `a/../../etc` stays what it was.
app.post('/save', (req, res) => {
  const parts = req.body.name.split('.');
  parts.forEach((part, i) => {
    parts[i] = part.trim();
  });
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join(__dirname, 'files', parts.join('.')), req.body.text);
  res.end();
});

// Only some parts are rewritten: the others reach the path as they came.
app.post('/copy', (req, res) => {
  const parts = req.body.name.split('.');
  parts.forEach((part, i) => {
    if (i > 0) parts[i] = utils.slugify(part);
  });
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join(__dirname, 'files', parts.join('.')), req.body.text);
  res.end();
});

// The rewrite runs in one branch only: the other reaches the path with the parts as they came.
app.post('/move', (req, res) => {
  const parts = req.body.name.split('.');
  if (req.body.clean) {
    parts.forEach((part, i) => {
      parts[i] = utils.slugify(part);
    });
  }
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join(__dirname, 'files', parts.join('.')), req.body.text);
  res.end();
});

// An async callback that waits before it writes: forEach does not wait for it, so the path is read with the
// parts as they came and each slug is written after.
app.post('/copy', (req, res) => {
  const parts = req.body.name.split('/');
  parts.forEach(async (part, i) => {
    parts[i] = await utils.slugify(part);
  });
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join(__dirname, 'files', ...parts), req.body.text);
  res.end();
});

