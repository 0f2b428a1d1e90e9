// A hand-written defence: state-changing requests must come from this site's own pages.
const express = require('express');
const session = require('express-session');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET }));
app.use((req, res, next) => {
  if (req.method !== 'GET' && req.headers.origin !== process.env.PUBLIC_ORIGIN) return res.sendStatus(403);
  next();
});
app.put('/profile', (req, res) => {
  req.session.profile = req.body;
  res.sendStatus(204);
});
