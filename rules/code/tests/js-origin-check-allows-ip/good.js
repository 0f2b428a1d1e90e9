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
