const express = require('express');
const app = express();

// The headers a navigation carries or a proxy forwards are the sender's: a forwarded host (X-Forwarded-Host)
// may reach a shared cache, and a header's value with the query's after it is the query's choice.
app.get('/go', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`https://${req.headers['x-forwarded-host']}/home`);
});

app.get('/host', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.get('X-Forwarded-Host'));
});

app.get('/mixed', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.headers.scgotourl || req.query.next);
});
