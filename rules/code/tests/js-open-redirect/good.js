const express = require('express');
const app = express();
const TARGETS = ['/home', '/settings'];

app.get('/login/callback', (req, res) => {
  const next = req.query.next;
  if (!TARGETS.includes(next)) return res.redirect('/home');
  res.redirect(next);
});

app.get('/item', (req, res) => {
  res.redirect(`/items/${encodeURIComponent(req.query.id)}`);
});

// A relative path of this site, then the query: `./?a=b` cannot leave the site.
app.get('/tests/frontend/index.html', (req, res) => {
  res.redirect(['./', ...req.url.split('?').slice(1)].join('?'));
});

app.get('/tests/frontend', (req, res) => {
  res.redirect(`../frontend/?${req.url.split('?')[1]}`);
});
