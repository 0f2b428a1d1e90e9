const express = require('express');
const app = express();

// The path of a URL without a hierarchy (`javascript:<svg onload=…>`) and the whole `href` keep `<` as written;
// the query of the raw request string is not parsed at all.
app.get('/path', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<p>' + new URL(req.query.u).pathname + '</p>');
});

app.get('/href', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<p>' + new URL(req.query.u).href + '</p>');
});

app.get('/raw', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('<p>' + req.url.slice(req.url.indexOf('?')) + '</p>');
});
