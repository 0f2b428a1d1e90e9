// The module opens an SSH tunnel elsewhere, but this listener itself reads a password in clear.
const net = require('net');
const { Client } = require('ssh2');

function tunnel(connection, socket) {
  connection.forwardOut('127.0.0.1', 0, 'db.internal', 5432, (error, stream) => socket.pipe(stream));
}

// ruleid: code/js-http-server-without-tls
const server = net.createServer((socket) => {
  socket.once('data', (line) => {
    if (String(line).trim() !== `PASS ${process.env.GATE_PASSWORD}`) return socket.destroy();
    tunnel(new Client(), socket);
  });
});
server.listen(7000);
