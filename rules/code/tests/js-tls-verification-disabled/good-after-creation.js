const https = require('https');
const tls = require('tls');
const fs = require('fs');

// Verification on, written after creation.
https.globalAgent.options.rejectUnauthorized = true;

// A server's options set field by field: a server asks for no client certificate unless told.
const serverOptions = { key: fs.readFileSync('server.key'), cert: fs.readFileSync('server.crt') };
serverOptions.rejectUnauthorized = false;
const server = tls.createServer(serverOptions, (socket) => socket.end());

// The operator's option named for accepting unverified certificates.
function upstreamOptions(config, options) {
  if (config.dangerouslyIgnoreUnauthorized) {
    options.rejectUnauthorized = false;
  }
  if (config.clusterNoTlsValidation) {
    options.rejectUnauthorized = false;
  }
  return options;
}

// A wrapper that still hands back the check's error keeps the check.
const check = tls.checkServerIdentity;
tls.checkServerIdentity = function (host, cert) {
  try {
    return check(host, cert);
  } catch (err) {
    return err;
  }
};

module.exports = { server, upstreamOptions };
