const express = require('express');
const app = express();

// `secure` decided by a setting, not the request: still plain HTTP where the setting says so.
app.get('/login/start', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.cookie('auth_state', sealState(req), { httpOnly: true, secure: process.env.COOKIE_SECURE === 'yes' });
  res.end();
});

// Options from a helper of a file that never sets `secure` from the request (nor at all).
function sessionCookieOptions() {
  return { sameSite: 'strict', secure: false };
}
function setSessionCookie(res, req, token) {
  const options = sessionCookieOptions(req);
  // ruleid: code/js-cookie-insecure
  res.cookie('session', token, { ...options, httpOnly: true });
  // ruleid: code/js-cookie-insecure
  res.cookie('session_copy', token, options);
}

// A header built in place with the scheme's flag left out.
app.post('/logout', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.header('Set-Cookie', `refresh=${req.query.t}; Path=/auth; Max-Age=0; x=${req.protocol === 'https'}`);
  res.end();
});
