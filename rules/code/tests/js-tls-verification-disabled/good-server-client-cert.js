const fs = require('fs');
const https = require('https');
const tls = require('tls');

// A server that asks for a client certificate but lets clients without one in (it reads the certificate
// to show or pass on, and decides itself): rejectUnauthorized there is about the client's certificate.
// The server's own certificate, and every connection the program makes, are verified as before.
const serverOptions = {
  key: fs.readFileSync('server.key'),
  cert: fs.readFileSync('server.crt'),
  requestCert: true,
  rejectUnauthorized: false,
};

const server = https.createServer(serverOptions, (req, res) => {
  const peer = req.socket.getPeerCertificate();
  res.end(req.socket.authorized ? `hello ${peer.subject.CN}` : 'hello guest');
});

const sniServer = tls.createServer(Object.assign({ requestCert: true, rejectUnauthorized: false }, serverOptions));

module.exports = { server, sniServer };
