// `spawnify` runs the command line through a shell when it holds a metacharacter.
import spawnify from 'spawnify';
import { Server } from 'socket.io';

const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('command', (command) => {
    // ruleid: code/js-command-injection
    const spawn = spawnify(command.cmd, { cwd: process.cwd() });
    spawn.on('data', (data) => socket.emit('data', data));
  });
});
