// A listener that reads a PROXY protocol header in clear, then hands the socket to a TLS server: the
// session's login travels inside TLS.
const net = require('net');
const tls = require('tls');

const tlsServer = tls.createServer({ key: process.env.TLS_KEY, cert: process.env.TLS_CERT }, (cleartext) => {
  cleartext.on('data', (line) => cleartext.write(String(line).startsWith('AUTH ') ? 'OK\r\n' : 'NO\r\n'));
});

const server = net.createServer((socket) => {
  socket.once('data', (header) => {
    const end = header.indexOf('\r\n');
    socket.unshift(header.subarray(end + 2));
    tlsServer.emit('connection', socket);
  });
});
server.listen(465);
