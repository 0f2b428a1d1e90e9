// A plain TCP service in a module that never speaks TLS (it only connects out with tls.connect): clients
// send the proxy's password first, in clear on this side.
const net = require('net');
const tls = require('tls');

// ruleid: code/js-http-server-without-tls
const server = net.createServer((socket) => {
  socket.once('data', (line) => {
    if (String(line).trim() !== `AUTH ${process.env.PROXY_PASSWORD}`) return socket.destroy();
    const upstream = tls.connect(6380, 'cache.internal');
    socket.pipe(upstream).pipe(socket);
  });
});
server.listen(6379);
