const express = require('express');
const session = require('express-session');
const security = require('./security');

// The framework's own CSRF check, called by each state-changing handler.
const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

app.post('/items/delete', (req, res) => {
  if (!security.csrf.validate(req)) return res.status(403).send('invalid csrf');
  res.redirect('/items');
});
