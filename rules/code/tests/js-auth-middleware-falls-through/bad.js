// Authentication middlewares that answer a refused request and then hand it on anyway: the route's own
// handler still runs (an edit, a delete) for the anonymous caller, who only sees the redirect.
const express = require('express');

function authenticate(config) {
  return function (req, res, next) {
    if (!req.session.loggedIn) {
      if (config.googleoauth === true) {
        res.redirect(403, '/login');
      } else {
        res.redirect(403, '/login');
      }
    }
    // ruleid: code/js-auth-middleware-falls-through
    return next();
  };
}

const requireAdmin = (req, res, next) => {
  if (!req.user || req.user.role !== 'admin') res.status(403).send('Forbidden');
  // ruleid: code/js-auth-middleware-falls-through
  next();
};

const app = express();
app.post('/edit', authenticate({}), (req, res) => res.send('saved'));
app.post('/delete', requireAdmin, (req, res) => res.send('deleted'));
module.exports = app;
