const express = require('express');
const winston = require('winston');

const app = express();
app.post('/picture', (req, res) => {
  var userPhoto = req.files.files[0];
  // The temporary file's path, which the multipart parser named.
  winston.warn('Unable to delete picture ' + userPhoto.path);
  res.end();
});
