// A text type set on the response only under a condition, or typed back to HTML, protects nothing.
const express = require('express');
const app = express();

app.get('/lookup', (req, res) => {
  if (req.query.plain) res.type('text');
  // ruleid: code/js-xss-response
  res.status(400).send('bad name ' + req.query.name);
});

app.get('/page', (req, res) => {
  res.type('text');
  res.type('html');
  // ruleid: code/js-xss-response
  res.status(200).send('<p>' + req.query.name + '</p>');
});
