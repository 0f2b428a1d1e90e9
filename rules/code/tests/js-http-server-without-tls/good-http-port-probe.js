const http = require('http');

// Whether the port is free: the server is opened and closed at once; it has no request handler.
exports.checkPort = function (port, host, cb) {
  const server = http.createServer();
  server.listen(port, host, function () {
    server.close(cb);
  });
};

// The same with an arrow callback.
exports.probe = (port, done) => {
  const probe = http.createServer();
  probe.on('error', () => done(false));
  probe.listen(port, () => probe.close(() => done(true)));
};
