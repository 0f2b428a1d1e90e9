// A helper that builds the header with both attributes: the file names them, the calls need not.
const COOKIE_ATTRIBUTES = ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax'];
function sessionCookie(sid) {
  return ['sid=' + sid].concat(COOKIE_ATTRIBUTES).join('; ');
}

module.exports = function login(req, res) {
  res.setHeader('Set-Cookie', sessionCookie(req.session.id));
  res.end();
};
