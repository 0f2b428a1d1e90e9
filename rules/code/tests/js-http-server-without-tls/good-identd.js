const net = require('net');

// An ident server (RFC 1413): the protocol has no TLS form.
module.exports = function identd(users, port) {
  net.createServer(function (socket) {
    socket.on('data', function (data) {
      const [local, remote] = data.toString().trim().split(',');
      socket.end(`${local}, ${remote} : USERID : UNIX : ${users.get(Number(local)) || 'unknown'}\r\n`);
    });
  }).listen(port || 113);
};
