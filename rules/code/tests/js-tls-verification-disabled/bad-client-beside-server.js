const https = require('https');
const tls = require('tls');

// A server that makes client certificates optional is fine, but the client requests in the same module
// still turn verification off, and without requestCert an options object may be a client's.
const server = tls.createServer({ requestCert: true, rejectUnauthorized: false });

function fetchUpstream(url, cb) {
  // ruleid: code/js-tls-verification-disabled
  return https.get(url, { rejectUnauthorized: false }, cb);
}

function connect(host) {
  // ruleid: code/js-tls-verification-disabled
  return tls.connect({ host, port: 443, requestCert: false, rejectUnauthorized: false });
}

module.exports = { server, fetchUpstream, connect };
