// Named handlers of lifecycle events, whose arguments the library makes, and a named function that is no
// socket's handler at all.
const { Server } = require('socket.io');
const childProcess = require('child_process');

function onDisconnect(reason) {
  childProcess.execSync('logger disconnected: ' + reason);
}

function rotate(file) {
  childProcess.execSync('logrotate ' + file);
}

const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('disconnect', onDisconnect);
  socket.on('rotate', () => rotate('/etc/logrotate.conf'));
});
