const express = require('express');
const qs = require('qs');
const app = express();

// Route parameters and query fields are decoded: %0A in them is a line break in the log.
app.get('/keys/:key', (req, res) => {
  // ruleid: code/js-log-injection
  console.log(`loading key "${req.params.key}" from ${req.originalUrl}`);
  const { query } = req;
  // ruleid: code/js-log-injection
  console.log('field ' + query.field);
  // A part of the raw target decoded where it is logged.
  // ruleid: code/js-log-injection
  console.log('host ' + decodeURIComponent(req.originalUrl.split('/')[2]));
  // A query string parsed from the raw target is decoded.
  const q = qs.parse(req.url.substring('/upload?'.length));
  // ruleid: code/js-log-injection
  console.log('upload to ' + q.to);
  res.end();
});
