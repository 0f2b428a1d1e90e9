const express = require('express');
const fs = require('fs');
const path = require('path');
const slugify = require('slugify');
const utils = require('./utils');
const app = express();

// The client's file name is cleaned part by part: every element of the split name is replaced by its slug (no
// '/' or '\' left) before the parts are joined again, so the joined name stays inside the uploads folder.
function saveFile(filename, tempPath) {
  filename = filename.split('.');
  filename.forEach(function (name, idx) {
    filename[idx] = utils.slugify(name);
  });
  filename = filename.join('.');
  fs.createReadStream(tempPath).pipe(fs.createWriteStream(path.join(__dirname, 'uploads', filename)));
}

app.post('/upload', (req, res) => {
  saveFile(req.files.file.name, req.files.file.path);
  res.end();
});

// The same with an arrow, and a slug made by the package.
app.get('/docs/:name', (req, res) => {
  const parts = req.params.name.split('.');
  parts.forEach((part, i) => (parts[i] = slugify(part)));
  res.sendFile(path.join(__dirname, 'docs', parts.join('.')));
});
