const express = require('express');
const app = express();

// The nearest shapes the number exemption must not take: `+` joins the header's text, and the start offset
// itself is written before any arithmetic.
app.get('/range', (req, res) => {
  const parts = req.get('Range').replace(/bytes=/, '').split('-');
  const [start, end] = parts;
  const length = end - start + 1;
  // ruleid: code/js-xss-response
  res.send('<p>bytes ' + start + ' (' + length + ')</p>');
});

app.get('/next', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<a href="?page=' + (req.query.page + 1) + '">next</a>');
});

app.get('/or', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<p>' + (req.query.name || 1 - 1) + '</p>');
});
