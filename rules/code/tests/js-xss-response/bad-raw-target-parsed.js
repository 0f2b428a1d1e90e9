const express = require('express');
const url = require('url');

// The raw target inside markup the program writes, or a part of it parsed or decoded: the browser's
// percent-encoding no longer keeps markup out.
const app = express();

app.get('/a', (req, res) => {
  // ruleid: code/js-xss-response
  res.status(404).send(`<p>File not found: ${req.path}</p>`);
});

app.get('/b', (req, res) => {
  // ruleid: code/js-xss-response
  res.status(404).send(`File not found: ${decodeURIComponent(req.path)}`);
});

app.get('/c', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('Hello ' + url.parse(req.url, true).query.name);
});

app.get('/d', (req, res) => {
  // ruleid: code/js-xss-response
  res.send(`Not found: ${req.path} (${req.query.from})`);
});

app.listen(3000);
