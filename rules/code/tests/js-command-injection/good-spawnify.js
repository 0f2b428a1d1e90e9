// A fixed command line, with the message only picking among the program's own commands.
import spawnify from 'spawnify';
import { Server } from 'socket.io';

const COMMANDS = { uptime: 'uptime', disk: 'df -h' };
const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('status', (which) => {
    const spawn = spawnify(which === 'disk' ? COMMANDS.disk : COMMANDS.uptime, { cwd: '/' });
    spawn.on('data', (data) => socket.emit('data', data));
  });
});
