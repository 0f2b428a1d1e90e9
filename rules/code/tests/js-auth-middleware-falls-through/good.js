// The refusal ends the middleware (return, else), or the answer is not a refusal of the caller.
const express = require('express');

function authenticate() {
  return function (req, res, next) {
    if (!req.session.loggedIn) {
      return res.redirect(403, '/login');
    }
    return next();
  };
}

const requireAdmin = (req, res, next) => {
  if (!req.user || req.user.role !== 'admin') {
    res.status(403).send('Forbidden');
    return;
  }
  next();
};

const requireUser = (req, res, next) => {
  if (req.session.user) next();
  else res.redirect('/login');
};

// Not an access check: a preflight answered for every caller.
const cors = (req, res, next) => {
  res.set('Access-Control-Allow-Origin', 'https://example.com');
  if (req.method === 'OPTIONS') res.sendStatus(204);
  next();
};

const app = express();
app.use(cors);
app.post('/edit', authenticate(), requireAdmin, (req, res) => res.send('saved'));
app.get('/me', requireUser, (req, res) => res.json(req.session.user));
module.exports = app;
