// Cookie signing keys written in the code: cookie-session's `keys`, express-session's list of secrets and Koa's
// `app.keys` all sign with the first key and accept each one.
const express = require('express');
const cookieSession = require('cookie-session');
const session = require('express-session');
const Koa = require('koa');
const koaSession = require('koa-session');

const app = express();
app.use(
  cookieSession({
    name: 'AppSession',
    // ruleid: code/js-hardcoded-session-secret
    keys: ['wiki-signing-key'],
    maxAge: 30 * 24 * 60 * 60 * 1000,
  }),
);
// ruleid: code/js-hardcoded-session-secret
app.use(session({ secret: [process.env.SESSION_SECRET, 'old-rotated-secret'], resave: false }));

const koa = new Koa();
// ruleid: code/js-hardcoded-session-secret
koa.keys = ['koa-signing-key-1', 'koa-signing-key-2'];
koa.use(koaSession(koa));
module.exports = { app, koa };
