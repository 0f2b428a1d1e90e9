const jwt = require('jsonwebtoken');

function currentUser(req) {
  const token = req.headers.authorization.replace('Bearer ', '');
  // ruleid: code/js-jwt-decode-without-verify
  const claims = jwt.decode(token);
  return claims.sub;
}
module.exports = { currentUser };
