// A chat daemon: TLS only when the operator configured a key and a certificate; otherwise the same handler
// on plain TCP, where clients send their connection password (PASS) and operator password in clear.
const fs = require('fs');
const net = require('net');
const tls = require('tls');

function handle(socket) {
  socket.on('data', (line) => {
    const [command, password] = String(line).trim().split(' ');
    if (command === 'PASS') socket.write(password === process.env.IRC_PASS ? 'OK\r\n' : '464\r\n');
  });
}

exports.start = function (config) {
  let server;
  if (config.key && config.cert) {
    server = tls.createServer({ key: fs.readFileSync(config.key), cert: fs.readFileSync(config.cert) }, handle);
  } else {
    // ruleid: code/js-http-server-without-tls
    server = net.createServer(handle);
  }
  server.listen(config.port);
};
