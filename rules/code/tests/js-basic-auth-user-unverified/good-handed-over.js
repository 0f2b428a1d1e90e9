// The whole credentials object is handed to a checker of another module, which compares the secret there.
const auth = require('basic-auth');
const express = require('express');
const { verify } = require('./accounts');

const app = express();

app.use((req, res, next) => {
  const creds = auth(req);
  if (!creds || !verify(creds)) return res.sendStatus(401);
  req.user = creds.name;
  next();
});

module.exports = app;
