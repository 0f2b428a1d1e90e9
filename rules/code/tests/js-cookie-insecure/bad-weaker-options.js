const express = require('express');
const app = express();

// The file sets `secure` from the request and names `httpOnly` for one set of options, but writes weaker
// ones as well: a call given a name is not known to get the strong set.
const strong = (req) => ({ httpOnly: true, secure: req.secure, sameSite: 'lax' });
const remember = { maxAge: 30 * 24 * 3600 * 1000 };

app.post('/login', (req, res) => {
  // Reported as well: which of the file's options a call or a name brings is not followed.
  // ruleid: code/js-cookie-insecure
  res.cookie('sid', req.session.id, strong(req));
  // ruleid: code/js-cookie-insecure
  res.cookie('remember_me', req.session.token, remember);
  // ruleid: code/js-cookie-insecure
  res.cookie('auth', req.session.token, { ...strong(req), httpOnly: false });
  res.end();
});
