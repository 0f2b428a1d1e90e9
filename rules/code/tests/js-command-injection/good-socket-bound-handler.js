// Bound handlers whose message is not what reaches the shell: the bound values are the program's own (the
// socket's number), and a runner handed to a dispatcher that calls it with a fixed command.
const { Server } = require('socket.io');
const childProcess = require('child_process');

function report(conNum, event) {
  childProcess.execSync('logger client ' + conNum);
  return event;
}

function dispatch(fn, message) {
  fn('uptime', message);
}

function runFixed(command) {
  childProcess.execSync(command);
}

const io = new Server(3001);
let n = 0;
io.on('connection', (socket) => {
  socket.on('hello', report.bind(null, n++));
  socket.on('status', dispatch.bind(null, runFixed));
});

class Session {
  constructor(socket) {
    socket.on('disconnect', this.onClose.bind(this));
  }

  onClose(reason) {
    childProcess.execSync('logger closed ' + reason);
  }
}

module.exports = { Session };
