const net = require('net');

// Whether another instance already listens: the server is opened and closed at once, and reads nothing.
function isPortTaken(port, callback) {
  const server = net.createServer();
  server.on('error', (e) => callback(e.code === 'EADDRINUSE'));
  server.listen({ port, host: '127.0.0.1' }, () => server.close(() => callback(false)));
}

module.exports = { isPortTaken };
