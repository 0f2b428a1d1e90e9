const express = require('express');
const app = express();

// A name that says session, token, user or id keeps the finding, and so does a name held in a variable.
app.post('/login', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.cookie('ui_session', req.sessionID, { path: '/ui' });
  // ruleid: code/js-cookie-insecure
  res.cookie('userData', JSON.stringify(req.user));
  // ruleid: code/js-cookie-insecure
  res.cookie('login_hash', req.user.hash);
  // ruleid: code/js-cookie-insecure
  res.cookie('dest_token', req.user.token);
  const name = req.app.get('cookieName');
  // ruleid: code/js-cookie-insecure
  res.cookie(name, req.user.token);
  res.redirect('/');
});
