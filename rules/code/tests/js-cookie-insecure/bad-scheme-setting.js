const express = require('express');
const app = express();
const config = { cookies: { secure: false } };

// A setting's `secure` (which may be off) and a negated scheme are not the request's scheme.
app.post('/login', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.cookie('sid', req.session.id, { httpOnly: true, secure: config.cookies.secure });
  // ruleid: code/js-cookie-insecure
  res.cookie('token', req.session.token, { httpOnly: true, secure: !req.secure });
  res.end();
});
