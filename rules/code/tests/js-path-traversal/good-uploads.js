// An uploaded file's path is the temporary file the multipart parser wrote under a name it chose.
const fs = require('fs');
const express = require('express');
const multer = require('multer');
const app = express();
const upload = multer({ dest: '/tmp/uploads' });

app.post('/avatar', upload.single('avatar'), (req, res) => {
  fs.unlink(req.file.path, () => res.end());
});

app.post('/picture', (req, res, next) => {
  var userPhoto = req.files.files[0];
  saveThumbnail(userPhoto, (err) => {
    fs.unlink(userPhoto.path, () => next(err));
  });
});

app.post('/import', (req, res) => {
  const { file } = req;
  fs.createReadStream(file.path).pipe(res);
});

app.post('/batch', (req, res) => {
  for (const f of req.files) fs.unlinkSync(f.path);
  res.end();
});

app.post('/formidable', (req, res) => {
  const doc = req.files.doc;
  fs.readFile(doc.filepath, (err, data) => res.end(data));
});

// The upload object handed to a helper, which reads its path.
function store(upload, folder, done) {
  fs.copyFile(upload.path, '/srv/' + folder + '/current.png', done);
}
app.post('/logo', (req, res) => {
  const uploadedFile = req.files.files[0];
  store(uploadedFile, 'system', () => res.end());
});

// Cleaning up every temporary file, whether or not the parser found any.
app.post('/chunks', (req, res) => {
  const origFiles = req.files;
  for (const file of origFiles || []) fs.unlinkSync(file.path);
  res.end();
});

// The upload read behind a check that the parser found files: `a && a.file` is the file itself.
app.post('/upload', (req, res) => {
  var file = req.files && req.files.file;
  if (!file) return res.status(500).send('file is missing');
  fs.unlink(file.path, () => res.end());
});
