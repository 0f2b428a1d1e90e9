// IP addresses accepted only where that is sound: the Host header's DNS-rebinding check, loopback Origins,
// or an IP test that refuses.
const net = require('net');
const ipaddr = require('ipaddr.js');

// The Host header only: a rebinding attacker's name is never an IP literal.
function checkHost(req) {
  const host = req.headers.host.split(':')[0];
  // ok: code/js-origin-check-allows-ip
  if (net.isIP(host)) return true;
  return host === 'localhost';
}

// An Origin accepted as an IP address only when it is this machine's.
function isAllowedOrigin(origin) {
  const { hostname } = new URL(origin);
  // ok: code/js-origin-check-allows-ip
  if (net.isIP(hostname) && ipaddr.parse(hostname).range() === 'loopback') return true;
  return hostname === 'app.example.com';
}

// An IP test that refuses.
function originIsNamed(origin) {
  const { hostname } = new URL(origin);
  // ok: code/js-origin-check-allows-ip
  if (!net.isIP(hostname)) return true;
  return false;
}

// An IP test in a function about something else, in a file that reads the Origin elsewhere.
function isAddress(value) {
  // ok: code/js-origin-check-allows-ip
  if (ipaddr.isValid(value)) return true;
  return false;
}

function corsHeaders(req, res) {
  res.setHeader('Vary', req.get('origin') ? 'Origin' : 'Accept');
}

module.exports = { checkHost, isAllowedOrigin, originIsNamed, isAddress, corsHeaders };

// An IP test that chooses what to do with an address, in a handler that reads the Origin and answers yes
// elsewhere.
function forwardHeaders(req, headers, xff) {
  if (req.headers.origin === undefined) return true;
  // ok: code/js-origin-check-allows-ip
  if (net.isIP(xff)) {
    headers['x-forwarded-for'] = xff;
  }
  // ok: code/js-origin-check-allows-ip
  const named = net.isIP(req.headers.host) === 0;
  // ok: code/js-origin-check-allows-ip
  const isAddress = net.isIP(xff);
  if (named) return true;
  return isAddress > 0 ? false : true;
}

module.exports.forwardHeaders = forwardHeaders;
