const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

// One callback that starts the flow or ends it: the name that holds the flow's state in one block holds the
// session (a user id) in another, and that cookie is an identity.
app.get('/auth/callback', (req, res) => {
  if (!req.query.code) {
    const token = jwt.sign({ nonce: req.query.n }, SECRET, { expiresIn: '5m' });
    res.cookie('flow', token, { httpOnly: true });
    return res.redirect('/login');
  }
  const user = lookup(req.query.code);
  {
    const token = jwt.sign({ userId: user.id }, SECRET);
    // ruleid: code/js-cookie-insecure
    res.cookie('session', token, { httpOnly: true });
  }
  res.redirect('/');
});

app.get('/auth/refresh', (req, res) => {
  let token = jwt.sign({ state: req.query.state }, SECRET, { expiresIn: '5m' });
  token = jwt.sign({ userId: req.user.id }, SECRET);
  // ruleid: code/js-cookie-insecure
  res.cookie('session', token, { httpOnly: true });
  res.end();
});
