const express = require('express');
const session = require('express-session');

// CSRF is named here and there, and nothing checks it: a setting switched off, an error text, a login
// redirect's `state` kept in the session, a template variable left empty.
const config = { csrf: false, csrfHeader: 'x-csrf-token' };

const app = express();
app.use(express.urlencoded({ extended: false }));
// ruleid: code/js-missing-csrf
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use((req, res, next) => {
  res.locals.csrfToken = '';
  // Ajax calls told apart to answer them in JSON: nothing is refused.
  req.isAjax = req.headers['x-requested-with'] === 'XMLHttpRequest';
  next();
});

if (config.csrf === false) console.warn('CSRF protection is off');

app.get('/oauth/callback', (req, res) => {
  if (req.query.state !== req.session.oauthState) return res.status(400).send('possible CSRF attack');
  res.redirect('/');
});

app.post('/account/email', (req, res) => {
  req.session.user.email = req.body.email;
  res.redirect('/account');
});
