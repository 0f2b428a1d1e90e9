const net = require('net');

// No listener in the call, but one added afterwards: the server reads every session key in clear.
const sessions = new Set();
// ruleid: code/js-http-server-without-tls
const server = net.createServer();
server.on('connection', (socket) => {
  socket.on('data', (key) => socket.write(sessions.has(String(key).trim()) ? 'OK\n' : 'DENIED\n'));
});
server.listen(7000);
