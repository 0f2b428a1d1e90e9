// The client's own file name (`.name`, `.originalname`) is request data: joined into a path it can hold `../`.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const SOUNDS = path.join(__dirname, 'public/uploads/sounds');

app.post('/sound', (req, res) => {
  var uploadedFile = req.files.files[0];
  var filePath = path.join(SOUNDS, uploadedFile.name);
  // ruleid: code/js-path-traversal
  fs.symlink(filePath, path.join(__dirname, 'public/sounds', path.basename(filePath)), () => res.end());
});

app.post('/keep', (req, res) => {
  const { file } = req;
  // ruleid: code/js-path-traversal
  fs.rename(file.path, path.join('/srv/files', file.originalname), () => res.end());
});

app.post('/move', (req, res) => {
  const upload = req.files.doc;
  // ruleid: code/js-path-traversal
  fs.copyFile(upload.path, '/srv/docs/' + req.body.target, () => res.end());
});

// The same helper, given a name the client chose.
function keepAs(upload, name, done) {
  // ruleid: code/js-path-traversal
  fs.copyFile(upload.path, path.join('/srv/uploads', name), done);
}
app.post('/rename', (req, res) => {
  const uploadedFile = req.files.files[0];
  keepAs(uploadedFile, uploadedFile.name, () => res.end());
});

// A default does not make the client's name the parser's.
app.post('/names', (req, res) => {
  for (const file of req.files || []) {
    // ruleid: code/js-path-traversal
    fs.writeFileSync(path.join('/srv/files', file.originalname), 'x');
  }
  res.end();
});

// Behind the same check, the client's name and another request value are still request data.
app.post('/upload-as', (req, res) => {
  var file = req.files && req.files.file;
  // ruleid: code/js-path-traversal
  fs.writeFileSync(path.join('/srv/files', file.originalFilename), 'x');
  var target = req.query.keep && req.query.target;
  // ruleid: code/js-path-traversal
  fs.rename(file.path, target, () => res.end());
});
