const express = require('express');

const app = express();

// Parts of the raw request target cut without decoding are as raw as the target: no line break.
app.get('/proxy/*splat', (req, res) => {
  const pathParts = req.originalUrl.split('/');
  const remoteHost = pathParts[2];
  console.log('PROXY Request: ', 'http://' + remoteHost + '/' + pathParts.slice(3).join('/'));
  console.log('first segment ' + req.url.slice(1).toLowerCase());
  res.end();
});

module.exports = app;
