const https = require('https');
const tls = require('tls');

// Every request through the default agent, for the whole process.
// ruleid: code/js-tls-verification-disabled
https.globalAgent.options.rejectUnauthorized = false;

// A custom agent's options, changed once it exists.
const agent = new https.Agent({ keepAlive: true });
// ruleid: code/js-tls-verification-disabled
agent.options['rejectUnauthorized'] = false;

function fetchStatus(url, callback) {
  const options = new URL(url);
  // ruleid: code/js-tls-verification-disabled
  options.rejectUnauthorized = false;
  return https.get(options, callback);
}

// Hostname checks replaced by functions that accept any certificate.
// ruleid: code/js-tls-verification-disabled
tls.checkServerIdentity = () => undefined;

function connect(host) {
  // ruleid: code/js-tls-verification-disabled
  return tls.connect({ host, port: 443, checkServerIdentity: function () {} });
}

module.exports = { agent, fetchStatus, connect };
