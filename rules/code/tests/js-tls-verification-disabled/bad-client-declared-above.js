const https = require('https');
const fs = require('fs');

// A function declared above the module's options sends a client request with them when it runs, after they are
// bound: that request accepts any certificate, so the options stay reported although a server takes them too.
function probe(host) {
  https.get({ ...options, host, path: '/health' }, (res) => res.resume());
}

function fetchPeer(cb) {
  return https.request(options, cb).end();
}

// ruleid: code/js-tls-verification-disabled
const options = { key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem'), rejectUnauthorized: false };
https.createServer(options, (req, res) => res.end('ok')).listen(8443);
module.exports = { probe, fetchPeer };
