const express = require('express');
const app = express();

// Middleware mounted on every path: `//evil.example/` is a target too, and the browser reads `//` as a host.
app.use((req, res, next) => {
  if (!req.originalUrl.endsWith('/')) {
    // ruleid: code/js-open-redirect
    return res.redirect(301, req.originalUrl + '/');
  }
  next();
});

// A route path that begins with a parameter or a wildcard is no fixed text.
app.get('/*', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.originalUrl + '/');
});

// A value read from the target's query is the client's, whatever the route's path.
app.get('/login', (req, res) => {
  const next = new URL(req.url, 'http://localhost').searchParams.get('next');
  // ruleid: code/js-open-redirect
  res.redirect(next);
});
