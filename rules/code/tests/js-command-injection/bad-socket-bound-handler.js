// A message handler registered with arguments bound in front of the message's (`fn.bind(null, socket, n)`),
// directly or through a name, and a command runner handed to the dispatcher as a function value.
const { Server } = require('socket.io');
const childProcess = require('child_process');

function processing(socket, conNum, fn, command) {
  fn(socket, command);
}

function execute(socket, command) {
  // ruleid: code/js-command-injection
  const child = childProcess.exec(command.cmd);
  child.stdout.on('data', (d) => socket.emit('data', d));
}

function onRun(socket, line) {
  // ruleid: code/js-command-injection
  childProcess.execSync('tool ' + line);
  socket.emit('done');
}

const io = new Server(3001);
let n = 0;
io.on('connection', (socket) => {
  const onMessage = processing.bind(null, socket, n++, execute);
  socket.on('command', onMessage);
  socket.on('run', onRun.bind(null, socket));
});

class Terminal {
  constructor(socket) {
    this.socket = socket;
    socket.on('input', this.onInput.bind(this));
  }

  onInput(line) {
    // ruleid: code/js-command-injection
    childProcess.exec('sh -c ' + line);
    this.socket.emit('ok');
  }
}

module.exports = { Terminal };
