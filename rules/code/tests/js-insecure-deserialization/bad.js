const serialize = require('node-serialize');
const express = require('express');
const app = express();

app.get('/profile', (req, res) => {
  const raw = Buffer.from(req.cookies.profile, 'base64').toString();
  // ruleid: code/js-insecure-deserialization
  const profile = serialize.unserialize(raw);
  res.send(profile.username);
});
