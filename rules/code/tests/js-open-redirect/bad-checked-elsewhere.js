const express = require('express');
const validator = require('validator');

const app = express();

// A format check proves the value is a URL, not that it stays on this site.
app.get('/go', (req, res) => {
  const target = req.query.to;
  if (validator.isURL(target)) {
    // ruleid: code/js-open-redirect
    res.redirect(target);
  }
});

// Checked on the wrong branch: the redirect runs when the same-origin check fails.
app.get('/back', (req, res) => {
  const next = req.query.next;
  if (new URL(next, 'http://localhost').origin !== 'http://localhost') {
    // ruleid: code/js-open-redirect
    res.redirect(next);
    return;
  }
  res.redirect('/');
});

// A predicate named for another check says nothing of the target's site.
app.get('/jump', (req, res) => {
  if (isNonEmptyString(req.query.url)) {
    // ruleid: code/js-open-redirect
    res.redirect(req.query.url);
  }
});
