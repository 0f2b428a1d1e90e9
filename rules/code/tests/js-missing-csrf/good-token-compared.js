const crypto = require('crypto');
const express = require('express');
const session = require('express-session');

// A synchronizer token kept in the session and compared on every form post, written by hand.
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.use((req, res, next) => {
  if (!req.session.csrfSecret) req.session.csrfSecret = crypto.randomBytes(24).toString('hex');
  if (req.method === 'POST' && req.body._csrf !== req.session.csrfSecret) return res.sendStatus(403);
  next();
});

app.post('/account/email', (req, res) => {
  req.session.user.email = req.body.email;
  res.redirect('/account');
});
