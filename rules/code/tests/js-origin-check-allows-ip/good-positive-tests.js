// Address tests an allow-list or a refusal still bounds.
const net = require('net');

// The allow-list applies to every host the `||` accepts.
function isAllowedOrigin(origin, allowed) {
  const { hostname } = new URL(origin);
  // ok: code/js-origin-check-allows-ip
  if ((net.isIP(hostname) || hostname.endsWith('.example.com')) && allowed.includes(hostname)) return true;
  return false;
}

// `=== 0`: the host is no address.
function originIsNamed(origin) {
  const { hostname } = new URL(origin);
  // ok: code/js-origin-check-allows-ip
  return net.isIP(hostname) === 0 || hostname === 'localhost';
}

module.exports = { isAllowedOrigin, originIsNamed };

// A middleware that refuses addresses and passes the rest on.
function originGuard(req, res, next) {
  const origin = req.headers.origin;
  const host = origin && new URL(origin).hostname;
  // ok: code/js-origin-check-allows-ip
  if (origin && net.isIP(host)) return res.status(403).end();
  return next();
}

module.exports.originGuard = originGuard;
