const cookie = require('cookie');

// The page to go back to after the login: the request's own target, httpOnly. It holds no session, token or
// identity, only the path this browser just asked for, and the callback clears it.
function startLogin(req, res, next) {
  // ok: code/js-cookie-insecure
  const location = cookie.serialize('redirect_after_login', req.url, { path: '/', httpOnly: true });
  res.setHeader('Set-Cookie', location);
  next();
}

function startLoginExpress(req, res) {
  // ok: code/js-cookie-insecure
  res.cookie('return_to', req.originalUrl, { httpOnly: true, sameSite: 'lax' });
  res.redirect('/login');
}

module.exports = { startLogin, startLoginExpress };
