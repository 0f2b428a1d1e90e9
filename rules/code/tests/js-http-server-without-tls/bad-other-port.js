const net = require('net');

// A line protocol of the application's own on another port, whose users log in over it: their passwords
// cross the network in clear.
module.exports = function chat(users, port) {
  // ruleid: code/js-http-server-without-tls
  net.createServer(function (socket) {
    socket.on('data', (line) => {
      const [cmd, name, password] = String(line).trim().split(' ');
      if (cmd === 'LOGIN') socket.write(users.check(name, password) ? 'OK\n' : 'DENIED\n');
    });
  }).listen(port || 1130);
};
