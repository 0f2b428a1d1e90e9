// The Basic header's user name becomes the caller's identity and nothing in the file reads the password:
// `Authorization: Basic` with `admin:` and anything after the colon is the administrator.
const auth = require('basic-auth');
const express = require('express');

const app = express();

app.use((req, res, next) => {
  const creds = auth(req);
  if (!creds) return res.sendStatus(401);
  // ruleid: code/js-basic-auth-user-unverified
  req.user = creds.name;
  next();
});

function userOf(req) {
  const b64 = (req.headers.authorization || '').replace(/^Basic /, '');
  // ruleid: code/js-basic-auth-user-unverified
  return Buffer.from(b64, 'base64').toString('utf8').split(':')[0];
}

app.get('/me', (req, res) => {
  const header = req.get('Authorization').slice(6);
  // ruleid: code/js-basic-auth-user-unverified
  const [user] = Buffer.from(header, 'base64').toString().split(':');
  res.json({ user, also: userOf(req) });
});
