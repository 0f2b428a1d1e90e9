// Signing keys read at start-up from the environment or the configuration.
const express = require('express');
const cookieSession = require('cookie-session');
const session = require('express-session');
const Koa = require('koa');

const config = require('./config');
const app = express();
app.use(cookieSession({ name: 'AppSession', keys: [process.env.COOKIE_KEY_NEW, process.env.COOKIE_KEY_OLD] }));
app.use(session({ secret: config.get('application').secret, resave: false }));
app.use(session({ secret: `${process.env.SESSION_SECRET}`, resave: false }));

const koa = new Koa();
koa.keys = process.env.KOA_KEYS.split(',');
const settings = { keys: ['title', 'body'] };
module.exports = { app, koa, settings };
