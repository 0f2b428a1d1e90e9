const https = require('https');
const tls = require('tls');
const pem = require('pem');

// A server's options: without requestCert the server asks for no client certificate, so
// rejectUnauthorized there checks nothing. The browser still verifies the server's own certificate.
pem.createCertificate({ days: 1, selfSigned: true }, (err, keys) => {
  const options = {
    key: keys.serviceKey,
    cert: keys.certificate,
    rejectUnauthorized: false,
  };
  const server = https.createServer(options, (req, res) => res.end('ok'));
  server.listen(8443);
});

const echo = tls.createServer({ key: 'k.pem', cert: 'c.pem', rejectUnauthorized: false }, (socket) => socket.pipe(socket));

module.exports = { echo };
