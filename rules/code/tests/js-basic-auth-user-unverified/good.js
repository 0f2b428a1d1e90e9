// The password is compared before the name is trusted.
const auth = require('basic-auth');
const crypto = require('node:crypto');
const express = require('express');

const app = express();
const users = new Map();

function matches(name, given) {
  const want = users.get(name);
  return want !== undefined && want.length === given.length && crypto.timingSafeEqual(Buffer.from(want), Buffer.from(given));
}

app.use((req, res, next) => {
  const creds = auth(req);
  if (!creds || !matches(creds.name, creds.pass)) return res.sendStatus(401);
  req.user = creds.name;
  next();
});
