const express = require('express');
const { is_relative_url } = require('./url-utils');

const app = express();

// The check chooses, but the request's value is sent on the branch where it failed.
app.post('/views/save', (req, res) => {
  const target = is_relative_url('/' + req.query.next) ? '/viewedit' : `/${req.query.next}`;
  // ruleid: code/js-open-redirect
  res.redirect(target);
});

// A check of another value says nothing of this one.
app.post('/pages/save', (req, res) => {
  const target = is_relative_url('/' + req.query.page) ? `/${req.query.next}` : '/pageedit';
  // ruleid: code/js-open-redirect
  res.redirect(target);
});
