const net = require('net');
const http = require('http');

// A TCP front that hands each socket to an HTTP server (one port sniffed for several protocols).
// ruleid: code/js-http-server-without-tls
const web = http.createServer((req, res) => res.end('ok'));
// ruleid: code/js-http-server-without-tls
net.createServer((socket) => web.emit('connection', socket)).listen(8080);
