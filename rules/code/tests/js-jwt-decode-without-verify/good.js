const jwt = require('jsonwebtoken');

function currentUser(req, publicKey) {
  const token = req.headers.authorization.replace('Bearer ', '');
  const header = jwt.decode(token, { complete: true }).header;
  const claims = jwt.verify(token, publicKey, { algorithms: ['RS256'], keyid: header.kid });
  return claims.sub;
}
module.exports = { currentUser };
