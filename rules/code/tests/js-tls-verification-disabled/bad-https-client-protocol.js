// The same options over TLS, or with the protocol left to the library: the certificate is not checked.
const https = require('https');
const RpcClient = require('rpc-client');

const client = new RpcClient({
  protocol: 'https',
  host: 'node.example.com',
  port: 8332,
  // ruleid: code/js-tls-verification-disabled
  rejectUnauthorized: false,
});

// ruleid: code/js-tls-verification-disabled
https.request({ protocol: 'https:', host: 'api.example.com', rejectUnauthorized: false }, () => {});
// ruleid: code/js-tls-verification-disabled
const other = new RpcClient({ host: 'node.example.com', rejectUnauthorized: false });
module.exports = { client, other };
