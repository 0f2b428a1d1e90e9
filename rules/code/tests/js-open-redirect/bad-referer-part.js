const express = require('express');
const app = express();

// A part read from the Referer is the link's own: a link to this site's login page with ?next=//evil.example
// sends the user there after the form posts back. The Referer with the request's value after it, or the
// request's value first, is the request's choice too.
app.post('/login', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(new URL(req.get('referer')).searchParams.get('next'));
});

app.post('/back', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.query.next || req.get('referer'));
});

app.post('/again', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.get('referer') + req.query.next);
});
