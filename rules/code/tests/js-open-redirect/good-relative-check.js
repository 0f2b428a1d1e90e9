const express = require('express');
const { is_relative_url } = require('./url-utils');

const app = express();

// The value behind a fixed `/` checked by a predicate named for relative URLs, then sent behind that `/`
// (Saltcorn's `on_done_redirect`): `//evil.example` and `https://…` fail the check.
const onDone = (req, fallback = '/users') => {
  if (req.query.on_done_redirect && is_relative_url('/' + req.query.on_done_redirect)) {
    return `/${req.query.on_done_redirect}`;
  }
  return fallback;
};

app.post('/users/save', (req, res) => {
  res.redirect(onDone(req));
});

// The same check choosing between two values.
app.post('/views/save', (req, res) => {
  const target =
    req.query.on_done_redirect && is_relative_url(`/${req.query.on_done_redirect}`)
      ? `/${req.query.on_done_redirect}`
      : '/viewedit';
  res.redirect(target);
});

// Checked through a const copy, sent behind the same `/` by the property it copies.
app.post('/pages/save', (req, res) => {
  const next = req.query.next;
  if (!is_relative_url('/' + next)) return res.redirect('/');
  res.redirect(`/${req.query.next}`);
});
