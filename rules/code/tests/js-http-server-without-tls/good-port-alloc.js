const net = require('net');

// A free port for a worker the process starts with its own login token: the server is bound to let the system
// pick a port, closes each connection it accepts (none is expected) and is closed once the port is read.
function allocPort(callback) {
  const server = net.createServer(function (conn) {
    conn.destroy();
  });
  server.on('error', callback);
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => callback(null, port));
  });
}

const probe = () => net.createServer((socket) => socket.end());

module.exports = { allocPort, probe, token: process.env.WORKER_TOKEN };
