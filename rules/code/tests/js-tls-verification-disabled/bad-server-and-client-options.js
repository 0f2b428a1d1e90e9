const https = require('https');

// The same options object serves a server and a client request: the request sent with it accepts any
// certificate, so the object stays reported.
function start(key, cert) {
  // ruleid: code/js-tls-verification-disabled
  const options = { key, cert, rejectUnauthorized: false };
  const server = https.createServer(options, (req, res) => res.end('ok'));
  const probe = https.request(options, (res) => res.resume());
  probe.end();
  return server;
}

// Options bound to a name that no server takes: a client's.
function fetchStatus(host, cb) {
  // ruleid: code/js-tls-verification-disabled
  const opts = { host, path: '/status', rejectUnauthorized: false };
  return https.get(opts, cb);
}

// The server's options spread into a client request's: the request accepts any certificate.
function startWithProbe(key, cert) {
  // ruleid: code/js-tls-verification-disabled
  const options = { key, cert, rejectUnauthorized: false };
  const server = https.createServer(options, (req, res) => res.end('ok'));
  https.request({ ...options, host: 'peer.example', path: '/health' }, (res) => res.resume()).end();
  return server;
}
module.exports = { start, fetchStatus, startWithProbe };
