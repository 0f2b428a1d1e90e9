const express = require('express');

const app = express();

// The target resolved against a fixed base keeps that base's origin: `//evil`, `/\evil` and absolute
// URLs resolve elsewhere and fail the check (wetty's trailing-slash redirect).
function isSafeLocalRedirectTarget(target) {
  try {
    const base = 'https://localhost';
    return new URL(target, base).origin === base;
  } catch {
    return false;
  }
}

app.use((req, res, next) => {
  if (req.path.endsWith('/') && req.path.length > 1) {
    const target = req.path.slice(0, -1) + req.url.slice(req.path.length);
    if (isSafeLocalRedirectTarget(target)) {
      res.redirect(301, target);
    } else {
      res.redirect(301, '/');
    }
  } else next();
});

// The same check written in place.
app.get('/login/done', (req, res) => {
  const next = req.query.next;
  if (new URL(next, 'http://localhost').origin === 'http://localhost') {
    res.redirect(next);
    return;
  }
  res.redirect('/');
});
