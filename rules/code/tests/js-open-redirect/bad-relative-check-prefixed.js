const express = require('express');
const { is_relative_url } = require('./url-utils');

const app = express();

// The check passed the value behind a fixed '/', but the value itself is sent: '/' + 'https://evil.example'
// is a relative path, 'https://evil.example' is not.
app.post('/users/save', (req, res) => {
  if (is_relative_url('/' + req.query.next)) {
    // ruleid: code/js-open-redirect
    res.redirect(req.query.next);
  }
});

app.post('/views/save', (req, res) => {
  const next = req.query.next;
  // ruleid: code/js-open-redirect
  res.redirect(is_relative_url(`/${next}`) ? next : '/viewedit');
});

// Checked behind a fixed '/', sent with more text before it.
app.post('/pages/save', (req, res) => {
  const next = req.query.next;
  if (!is_relative_url('/' + next)) return res.redirect('/');
  // ruleid: code/js-open-redirect
  res.redirect(`/${'/'}${next}`);
});
