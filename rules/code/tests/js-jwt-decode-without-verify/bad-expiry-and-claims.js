// The lifetime is checked, but other claims of the unverified token are used too.
const jwt = require('jsonwebtoken');

function currentUser(req) {
  const token = req.headers.authorization.replace('Bearer ', '');
  // ruleid: code/js-jwt-decode-without-verify
  const decoded = jwt.decode(token);
  if (!decoded || decoded.exp * 1000 < Date.now()) return null;
  return decoded.sub;
}

function session(token) {
  // ruleid: code/js-jwt-decode-without-verify
  const claims = jwt.decode(token);
  if (claims.exp * 1000 < Date.now()) throw new Error('expired');
  return claims;
}

function roleOf(token) {
  // ruleid: code/js-jwt-decode-without-verify
  const { exp, role } = jwt.decode(token);
  return exp * 1000 > Date.now() ? role : 'guest';
}
module.exports = { currentUser, session, roleOf };
