// Origin checks that accept any IP-address host: a page served from any IP address passes.
const net = require('net');
const url = require('url');
const ipaddr = require('ipaddr.js');
const { WebSocketServer } = require('ws');

// One check for both headers, called with the header's name (webpack-dev-server 4's checkHeader).
class DevServer {
  checkHeader(headers, headerToCheck) {
    const value = headers[headerToCheck];
    if (!value) return false;
    const hostname = url.parse(/^(.+:)?\/\//.test(value) ? value : `//${value}`, false, true).hostname;
    const isValidHostname =
      // ruleid: code/js-origin-check-allows-ip
      (hostname !== null && ipaddr.IPv4.isValid(hostname)) ||
      // ruleid: code/js-origin-check-allows-ip
      (hostname !== null && ipaddr.IPv6.isValid(hostname)) ||
      hostname === 'localhost' ||
      hostname === this.options.host;
    if (isValidHostname) return true;
    return this.options.allowedHosts.includes(hostname);
  }

  onConnection(client, headers) {
    if (!this.checkHeader(headers, 'host') || !this.checkHeader(headers, 'origin')) {
      client.close();
    }
  }
}

// A function named for the Origin.
function isAllowedOrigin(origin) {
  const { hostname } = new URL(origin);
  // ruleid: code/js-origin-check-allows-ip
  if (net.isIP(hostname)) return true;
  return hostname === 'app.example.com';
}

// ws's verifyClient reading the header itself.
const wss = new WebSocketServer({
  port: 8080,
  verifyClient: (info) => {
    const host = new URL(info.req.headers.origin).hostname;
    // ruleid: code/js-origin-check-allows-ip
    if (net.isIPv4(host) || host === 'localhost') {
      return true;
    }
    return false;
  },
});

module.exports = { DevServer, isAllowedOrigin, wss };
