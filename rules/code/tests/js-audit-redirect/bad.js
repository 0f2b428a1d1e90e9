// Redirect targets the program does not fix.
const express = require('express');
const app = express();

app.get('/next', (req, res) => {
  const target = lookup(req.session);
  // ruleid: code/js-audit-redirect
  res.redirect(target);
});

app.get('/moved', (req, res) => {
  // ruleid: code/js-audit-redirect
  res.redirect(301, base + '/home');
});

function lookup(s) {
  return s.next;
}
