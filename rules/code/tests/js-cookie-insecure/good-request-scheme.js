const express = require('express');
const app = express();

// `secure` follows the scheme the request came in by (directly, or through a TLS proxy's header): over
// HTTPS the cookie is Secure, and a server reached over plain HTTP could not use a Secure cookie at all.
app.get('/login/start', (req, res) => {
  res.cookie('auth_state', sealState(req), {
    httpOnly: true,
    secure: req.secure || req.headers['x-forwarded-proto'] === 'https',
    sameSite: 'lax',
  });
  res.redirect('/login/provider');
});

// The options built by a helper of the file with the same rule, then spread or passed on.
function sessionCookieOptions(req) {
  return { sameSite: 'strict', secure: req.protocol === 'https' };
}

function setSessionCookie(res, req, token) {
  const options = sessionCookieOptions(req);
  res.cookie('session', token, { ...options, httpOnly: true });
  res.cookie('session_hint', JSON.stringify({ status: req.user.name }), options);
}

// A helper builds the Set-Cookie text, told the request's scheme.
class AuthController {
  logout(req, res) {
    res.header('Set-Cookie', this.clearedCookies(req.protocol === 'https'));
    return { status: 'OK' };
  }

  clearedCookies(secure) {
    const flag = secure ? '; Secure' : '';
    return [`refresh=; HttpOnly; SameSite=Strict; Path=/auth; Max-Age=0${flag}`];
  }
}
module.exports = { AuthController };
