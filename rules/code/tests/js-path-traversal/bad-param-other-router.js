const express = require('express');
const path = require('path');
const { validateName } = require('./middleware');

// Express runs a param callback only for the routes of the router that declares it: the public router's
// `:file` is never checked.
const admin = express.Router();
const pub = express.Router();

admin.param('file', validateName);

admin.get('/admin/:file', (req, res) => {
  res.sendFile(path.join(__dirname, 'admin', req.params.file));
});

pub.get('/download/:file', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(__dirname, 'files', req.params.file));
});

module.exports = { admin, pub };
