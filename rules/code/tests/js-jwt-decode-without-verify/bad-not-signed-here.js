const jwt = require('jsonwebtoken');

// A token signed elsewhere in the function is not the one decoded: the decoded one is the caller's.
function refresh(req, secret) {
  const fresh = jwt.sign({ id: 1 }, secret);
  // ruleid: code/js-jwt-decode-without-verify
  const claims = jwt.decode(req.headers.authorization);
  return { fresh, role: claims.role };
}

// A `let` that is signed and then overwritten by the request's value.
function swap(req, secret) {
  let token = jwt.sign({ id: 1 }, secret);
  token = req.cookies.token;
  // ruleid: code/js-jwt-decode-without-verify
  return jwt.decode(token).role;
}
module.exports = { refresh, swap };
