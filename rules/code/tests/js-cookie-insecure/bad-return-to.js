const cookie = require('cookie');

// The same cookie without httpOnly: any injected script reads and rewrites where the login sends the browser.
function startLogin(req, res, next) {
  // ruleid: code/js-cookie-insecure
  const location = cookie.serialize('redirect_after_login', req.url, { path: '/' });
  res.setHeader('Set-Cookie', location);
  next();
}

// A value the link chooses, not the request's own target.
function startLoginNext(req, res) {
  // ruleid: code/js-cookie-insecure
  res.setHeader('Set-Cookie', cookie.serialize('return_to', req.query.next, { httpOnly: true }));
  res.redirect('/login');
}

// A session beside it is still a session.
function afterLogin(req, res) {
  // ruleid: code/js-cookie-insecure
  res.setHeader('Set-Cookie', cookie.serialize('sid', req.sessionID, { path: '/', httpOnly: true }));
}

module.exports = { startLogin, startLoginNext, afterLogin };
