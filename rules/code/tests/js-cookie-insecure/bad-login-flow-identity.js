const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

// A signed cookie that also carries an identity or a token is a credential, and flow state without httpOnly
// is still reported: the flags protect what the server gives out.
app.get('/auth/callback', (req, res) => {
  const token = jwt.sign({ verifier: req.session.verifier, userId: req.user.id }, SECRET, { expiresIn: '5m' });
  // ruleid: code/js-cookie-insecure
  res.cookie('oauth2.flow', token, { httpOnly: true, sameSite: 'lax' });
  const refresh = jwt.sign({ redirect: req.query.redirect, ...req.user }, SECRET);
  // ruleid: code/js-cookie-insecure
  res.cookie('oauth2.next', refresh, { httpOnly: true });
  const state = jwt.sign({ state: req.query.state }, SECRET, { expiresIn: '5m' });
  // ruleid: code/js-cookie-insecure
  res.cookie('oauth2.state', state, { sameSite: 'lax' });
  res.redirect('/');
});
