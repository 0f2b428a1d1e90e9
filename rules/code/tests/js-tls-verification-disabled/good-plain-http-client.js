// A client told to speak plain HTTP: rejectUnauthorized has no TLS connection to weaken.
const http = require('http');
const RpcClient = require('rpc-client');

const client = new RpcClient({
  protocol: 'http',
  host: '127.0.0.1',
  port: 18332,
  rejectUnauthorized: false,
});

http.request({ protocol: 'http:', host: 'localhost', path: '/', rejectUnauthorized: false }, () => {});
module.exports = { client };
