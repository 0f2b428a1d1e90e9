const express = require('express');
const app = express();

// The query or fragment of a parsed URL: the WHATWG parser percent-encodes `"`, `<` and `>` there (and `'`
// in an http(s) query), so the text can neither open a tag nor leave a double-quoted attribute.
app.get('/p/:id', (req, res) => {
  const target = encodeURIComponent(req.params.id) + new URL(req.url, 'http://invalid.invalid').search;
  res.status(302).send(`Redirecting to <a href="${target}">${target}</a>`);
});

app.get('/h', (req, res) => {
  res.send('<p>' + new URL(req.query.u, 'http://localhost').hash + '</p>');
});
