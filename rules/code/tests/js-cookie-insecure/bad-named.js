const express = require('express');
const app = express();
const CookieNames = { languageSession: 'app-language-session' };

// A session or remember-me cookie, also one whose name merely starts like a preference.
app.post('/login', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.cookie('language_session', req.sessionID, { path: '/' });
  // ruleid: code/js-cookie-insecure
  res.cookie('remember', req.user.token);
  // ruleid: code/js-cookie-insecure
  res.cookie(CookieNames.languageSession, req.sessionID);
  res.redirect('/');
});
