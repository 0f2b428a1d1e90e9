const crypto = require('crypto');
const express = require('express');
const session = require('express-session');
const jwt = require('jsonwebtoken');
const app = express();

const JWT_SECRET = process.env.JWT_SECRET;
if (!JWT_SECRET) throw new Error('JWT_SECRET is not set');
const SESSION_SECRET = process.env.SESSION_SECRET || crypto.randomBytes(32).toString('hex');
const PORT = process.env.PORT || '3000';
const cookieName = process.env.COOKIE_NAME || 'connect.sid';

app.use(session({ name: cookieName, secret: SESSION_SECRET, resave: false }));

function issue(user) {
  return jwt.sign({ sub: user.id }, JWT_SECRET, { algorithm: process.env.JWT_ALG || 'HS256' });
}

const config = { title: process.env.TITLE || 'secret garden', jwtSecret: process.env.APP_JWT_SECRET || '' };
module.exports = { issue, config, PORT };
