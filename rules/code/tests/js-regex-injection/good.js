const express = require('express');
const escapeStringRegexp = require('escape-string-regexp');
const app = express();

app.get('/search', (req, res) => {
  const re = new RegExp('^' + escapeStringRegexp(req.query.prefix));
  const words = new RegExp('^[a-z]+$', 'i');
  res.json(['alpha', 'beta'].filter((s) => re.test(s) && words.test(s)));
});
