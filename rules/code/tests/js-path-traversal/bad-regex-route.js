const express = require('express');
const path = require('path');

const app = express();

// Dots alone can make '..'; '%2f' decodes to '/'; '\S' takes '/' and '\'.
app.get(/^\/theme\/([\w.]+)$/, (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join('/srv/status', 'theme', req.params[0]));
});

app.get(/^\/doc\/([\w%]+)$/, (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join('/srv/docs', req.params[0]));
});

app.get(/^\/raw\/(\w+)\/(\S+)$/, (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join('/srv/raw', req.params[0], req.params[1]));
});

module.exports = app;
