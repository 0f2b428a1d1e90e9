const express = require('express');

// A program that assigns the request's target: what it holds is no longer what the browser sent.
const app = express();

app.use((req, res, next) => {
  req.url = decodeURIComponent(req.url);
  next();
});

app.get('/x', (req, res) => {
  // ruleid: code/js-xss-response
  res.status(404).send(`File not found: ${req.url}`);
});

app.listen(3000);
