// Origin checks whose address test is written as a positive comparison, sits beside an allow-list in an `||`,
// or is one of the hosts a returned answer lists: every page served from an IP address passes.
const net = require('net');
const ipaddr = require('ipaddr.js');

// `!== 0` means "is an address" (net.isIP answers 0, 4 or 6).
function isAllowedOrigin(origin) {
  const { hostname } = new URL(origin);
  // ruleid: code/js-origin-check-allows-ip
  if (net.isIP(hostname) !== 0) return true;
  return hostname === 'app.example.com';
}

// The allow-list is an alternative to the address test, not a condition on it.
function originAllowed(origin, allowed) {
  const { hostname } = new URL(origin);
  // ruleid: code/js-origin-check-allows-ip
  if (hostname && (net.isIP(hostname) || allowed.includes(hostname))) return true;
  return false;
}

// A double negation is the address test.
function checkOrigin(origin) {
  const { hostname } = new URL(origin);
  // ruleid: code/js-origin-check-allows-ip
  if (!!ipaddr.isValid(hostname)) return true;
  return false;
}

// The answer returned as one expression, with no `return true`.
function verifyOrigin(origin) {
  const { hostname } = new URL(origin);
  // ruleid: code/js-origin-check-allows-ip
  return net.isIP(hostname) > 0 || hostname === 'localhost';
}

module.exports = { isAllowedOrigin, originAllowed, checkOrigin, verifyOrigin };

// An Express middleware that passes the request on for any address.
function originGuard(req, res, next) {
  const origin = req.headers.origin;
  const host = origin && new URL(origin).hostname;
  // ruleid: code/js-origin-check-allows-ip
  if (!origin || net.isIP(host)) return next();
  res.statusCode = 403;
  return res.end();
}

module.exports.originGuard = originGuard;
