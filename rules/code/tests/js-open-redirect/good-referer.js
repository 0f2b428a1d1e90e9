const express = require('express');
const app = express();

// Back to the page the request came from, whole: Express's own res.redirect('back'). A link on another site
// sends its visitor back to that site, where they just were.
app.post('/edit/:id', (req, res) => {
  res.redirect(req.get('referer'));
});

app.post('/toggle', (req, res) => {
  res.redirect(req.headers.referer || '/');
});

app.post('/star', (req, res) => {
  res.redirect(req.header('Referrer') ?? '/');
});
