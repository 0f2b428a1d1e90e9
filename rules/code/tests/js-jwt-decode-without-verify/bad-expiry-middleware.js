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
// A one-parameter arrow (`ctx => …`) is a Koa handler all the same.
const sessionAlive = (ctx) => {
  // ruleid: code/js-jwt-decode-without-verify
  const { exp } = jwt.decode(ctx.get('x-token'));
  ctx.status = exp * 1000 > Date.now() ? 204 : 401;
};
const requestAlive = req => {
  // ruleid: code/js-jwt-decode-without-verify
  const { exp } = jwt.decode(req.query.t);
  return exp * 1000 > Date.now();
};
module.exports = { requireToken, requireSession, sessionAlive, requestAlive };
