// Filters that leave no character with a meaning in a pattern: plain text is matched as itself.
const express = require('express');
const validator = require('validator');

const app = express();

app.get('/search', (req, res) => {
  const query = validator.blacklist(req.query.search, '\\\\^$.|?*+()\\[\\]{}');
  const re = new RegExp('(' + query + ')', 'gim');
  res.json(['alpha', 'beta'].filter((s) => re.test(s)));
});

app.get('/letters', (req, res) => {
  const q = validator.whitelist(req.query.q, 'a-zA-Z0-9 ');
  res.json({ match: new RegExp(q).test(String(req.query.text)) });
});

app.get('/stripped', (req, res) => {
  const { q: raw } = req.query;
  const q = String(raw).replace(/[^\w\s]/g, '');
  res.json({ match: new RegExp(q).test(String(req.query.text)) });
});
