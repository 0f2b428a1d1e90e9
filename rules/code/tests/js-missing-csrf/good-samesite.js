// The session cookie is never sent on cross-site requests, so another site cannot post with it.
const express = require('express');
const session = require('express-session');

const app = express();
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    cookie: { httpOnly: true, secure: true, sameSite: 'strict' },
  }),
);
app.post('/settings', (req, res) => {
  req.session.theme = req.body.theme;
  res.sendStatus(204);
});
