const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const app = express();

// ruleid: code/js-signing-secret-default
const JWT_SECRET = process.env.JWT_SECRET || 'claude-ui-dev-secret-change-in-production';

// ruleid: code/js-signing-secret-default
app.use(session({ secret: process.env.SESSION_SECRET || 'keyboard cat', resave: false }));

function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET);
}

function check(token) {
  // ruleid: code/js-signing-secret-default
  return jwt.verify(token, process.env.TOKEN_KEY ?? 'dev-secret');
}

const config = {
  // ruleid: code/js-signing-secret-default
  jwtSecret: process.env.APP_JWT_SECRET || 'secret',
};
// ruleid: code/js-signing-secret-default
config.sessionSecret = config.sessionSecret || `not-so-secret`;

module.exports = { issue, check, config };
