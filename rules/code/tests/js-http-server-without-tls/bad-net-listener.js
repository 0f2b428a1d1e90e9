const net = require('net');

// No listener in the call, but one added afterwards: the server reads every connection in clear.
// ruleid: code/js-http-server-without-tls
const server = net.createServer();
server.on('connection', (socket) => socket.pipe(socket));
server.listen(7000);
