// The decoded header is split into both parts and the second is checked.
const express = require('express');

const app = express();
const accounts = new Map();

app.get('/me', (req, res) => {
  const header = (req.headers.authorization || '').slice(6);
  const [user, secret] = Buffer.from(header, 'base64').toString().split(':');
  if (accounts.get(user) !== secret) return res.sendStatus(401);
  res.json({ user });
});
