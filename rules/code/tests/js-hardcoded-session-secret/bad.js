const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const app = express();

// ruleid: code/js-hardcoded-session-secret
app.use(session({ secret: 'keyboard cat', resave: false, saveUninitialized: false }));

function issue(user) {
  // ruleid: code/js-hardcoded-session-secret
  return jwt.sign({ sub: user.id }, 'change-me-please', { expiresIn: '1h' });
}
module.exports = { issue };
