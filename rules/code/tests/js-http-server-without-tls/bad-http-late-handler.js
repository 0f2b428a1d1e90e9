const http = require('http');

// No handler at creation, but one is added and the server stays open: it serves.
exports.start = function (port, handler) {
  // ruleid: code/js-http-server-without-tls
  const server = http.createServer();
  server.on('request', handler);
  // ruleid: code/js-http-server-without-tls
  const other = http.createServer();
  other.on('request', handler);
  server.listen(port, () => console.log('listening on', port));
  other.listen(port + 1, function () {
    other.close();
  });
};

// A server made at module level is never a port probe, whatever a function does with it.
// ruleid: code/js-http-server-without-tls
const shared = http.createServer();
exports.check = (port, cb) => shared.listen(port, () => shared.close(cb));
