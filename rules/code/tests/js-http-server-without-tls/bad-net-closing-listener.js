const net = require('net');

// A listener that closes only after it answered: each session key crosses the network in clear.
// ruleid: code/js-http-server-without-tls
const answering = net.createServer((socket) => socket.end(`session ${process.env.SESSION_KEY}\n`));

// One closing listener, but another added for the same event reads every login.
// ruleid: code/js-http-server-without-tls
const server = net.createServer((conn) => conn.destroy());
server.on('connection', (socket) => socket.on('data', (login) => console.log(String(login))));

module.exports = { answering, server };
