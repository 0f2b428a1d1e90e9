const express = require('express');
const app = express();

// A header no link or form can send: the program's own page script adds it to its fetch (x-goto-url), and
// a page on another site can set only the URL and a form's body.
app.post('/api/action', (req, res) => {
  // ok: code/js-open-redirect
  if (req.headers?.scgotourl) res.redirect(req.headers?.scgotourl);
  // ok: code/js-open-redirect
  else res.redirect(req.get('x-goto-url'));
});

app.post('/api/next', (req, res) => {
  // ok: code/js-open-redirect
  res.redirect(req.headers['x-app-next']);
});
