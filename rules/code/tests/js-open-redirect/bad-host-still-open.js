const express = require('express');
const app = express();

// Request data before the constant segment, or a constant that leaves the host open, still redirects anywhere.
app.get('/a', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.query.base + '/query-table/' + req.params.id);
});

app.get('/b', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://' + req.query.host + '/home');
});

app.get('/c', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`https://app${req.query.domain}`);
});
