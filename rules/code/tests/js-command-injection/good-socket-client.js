// Client code: the peer is the application's own server (socket.io-client), not a stranger.
const childProcess = require('child_process');
const { io } = require('socket.io-client');

const socket = io('https://monitor.internal');
socket.on('runLocal', (cmd) => {
  childProcess.execSync('notify-send ' + cmd);
});
