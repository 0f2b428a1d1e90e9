const express = require('express');
const app = express();

// A part before the request's hostname that the request chooses (a query value, not the subdomains of its
// own Host) can end the host early: `evil.example/` + '.' + the site's name.
app.get('/go', (req, res) => {
  const loc =
    req.protocol +
    '://' +
    (req.hostname === 'localhost' ? '' : req.query.sub + '.') +
    req.hostname +
    '/home';
  // ruleid: code/js-open-redirect
  res.redirect(loc);
});
