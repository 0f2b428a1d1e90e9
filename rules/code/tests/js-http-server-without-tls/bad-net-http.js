const net = require('net');

// HTTP written by hand on a raw TCP server is still plain HTTP.
// ruleid: code/js-http-server-without-tls
net.createServer((socket) => {
  socket.once('data', () => {
    socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nhello\n');
  });
}).listen(8080);
