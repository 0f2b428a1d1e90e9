const express = require('express');
const path = require('path');

const app = express();

// The group admits word characters around one dot: a single file name, never '.', '..' or a '/'.
app.get(/^\/theme\/(\w+\.\w+)$/, (req, res) => {
  res.sendFile(path.join('/srv/status', 'theme', req.params[0]));
});

app.get(/^\/(?:img|icon)\/([a-z0-9_-]+)\.png$/, (req, res) => {
  res.sendFile(path.join('/srv/images', req.params[0] + '.png'));
});

module.exports = app;
