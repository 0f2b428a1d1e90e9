const net = require('net');

// A line protocol of the application's own on another port carries its data in clear.
module.exports = function chat(port) {
  // ruleid: code/js-http-server-without-tls
  net.createServer(function (socket) {
    socket.on('data', (line) => socket.write(line));
  }).listen(port || 1130);
};
