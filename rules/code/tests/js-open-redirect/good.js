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
