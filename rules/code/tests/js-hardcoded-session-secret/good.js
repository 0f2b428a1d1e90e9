const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));

function issue(user) {
  return jwt.sign({ sub: user.id }, process.env.JWT_SECRET, { expiresIn: '1h' });
}
module.exports = { issue };
