const express = require('express');
const session = require('express-session');
const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

app.post('/login', (req, res) => {
  res.cookie('sid', req.sessionID, { secure: true, httpOnly: true, sameSite: 'strict' });
  res.end();
});
