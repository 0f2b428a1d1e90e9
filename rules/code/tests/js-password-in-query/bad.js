const express = require('express');

const app = express();

app.get('/rest/ping', (req, res) => {
  // ruleid: code/js-password-in-query
  const password = req.query.p;
  res.json({ ok: check(req.query.u, password) });
});

app.get('/login', (req, res) => {
  // ruleid: code/js-password-in-query
  const { user, password } = req.query;
  res.json({ ok: check(user, password) });
});

app.get('/auth', (req, res) => {
  // ruleid: code/js-password-in-query
  res.json({ ok: check(req.query.user, req.query.password) });
});

function check(user, password) {
  return user === 'admin' && typeof password === 'string';
}
module.exports = app;
