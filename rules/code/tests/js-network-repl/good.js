const net = require('net');
const repl = require('repl');
const inspector = require('inspector');

// A REPL on the terminal that started the process.
repl.start({ prompt: '> ', input: process.stdin, output: process.stdout });

// A REPL on a Unix socket: only users who may open the socket file get it.
net
  .createServer((socket) => {
    repl.start({ prompt: 'app> ', input: socket, output: socket });
  })
  .listen('/run/app/repl.sock');

// The inspector on the loopback interface (reached through an SSH tunnel).
inspector.open(9229, '127.0.0.1');
const args = ['--inspect=127.0.0.1:9229', 'server.js'];

// A chat server's own connection handler, with no REPL.
net.createServer((socket) => {
  socket.on('data', (d) => socket.write(d));
}).listen(7000);
