// A middleware or handler that lets a request in on the token's lifetime alone: a forged unexpired token passes.
const jwt = require('jsonwebtoken');

function requireToken(req, res, next) {
  const token = req.headers.authorization.replace('Bearer ', '');
  // ruleid: code/js-jwt-decode-without-verify
  const { exp } = jwt.decode(token);
  if (exp * 1000 > Date.now()) return next();
  return res.status(401).end();
}

const requireSession = async (ctx, next) => {
  // ruleid: code/js-jwt-decode-without-verify
  const claims = jwt.decode(ctx.cookies.get('session'));
  if (!claims) ctx.throw(401);
  if (claims.exp * 1000 < Date.now()) ctx.throw(401);
  await next();
};
module.exports = { requireToken, requireSession };
