// An SMTP listener: the plain socket is upgraded to TLS in the protocol (STARTTLS).
const net = require('net');
const tls = require('tls');

const context = tls.createSecureContext({ key: process.env.TLS_KEY, cert: process.env.TLS_CERT });

const server = net.createServer((socket) => {
  socket.write('220 mail.example ESMTP\r\n');
  socket.once('data', () => {
    const secure = new tls.TLSSocket(socket, { isServer: true, secureContext: context });
    secure.write('250 ready\r\n');
  });
});
server.listen(25);
