const express = require('express');
const app = express();

app.get('/login/callback', (req, res) => {
  const next = req.query.next;
  // ruleid: code/js-open-redirect
  res.redirect(next);
});

app.get('/out', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(302, req.query.to);
});
