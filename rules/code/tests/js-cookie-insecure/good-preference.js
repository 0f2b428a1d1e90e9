const express = require('express');
const app = express();
const CookieNames = { lang: 'app-lang', session: 'app-session' };

// The interface language or theme the visitor chose: no session, no secret.
app.get('/lang/:lang', (req, res) => {
  res.cookie('lang', req.params.lang, { path: '/', maxAge: 90000000 });
  res.cookie('theme', 'dark');
  res.cookie(CookieNames.lang, req.params.lang);
  res.redirect('back');
});
