// A message handler written apart and registered by name is a peer's message handler all the same.
const { Server } = require('socket.io');
const { WebSocketServer } = require('ws');
const childProcess = require('child_process');

function runTool(name, ack) {
  // ruleid: code/js-command-injection
  childProcess.exec('tool ' + name);
  ack(true);
}

const onMessage = (data) => {
  // ruleid: code/js-command-injection
  childProcess.exec('convert ' + JSON.parse(data).file);
};

const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('runTool', runTool);
});

const wss = new WebSocketServer({ port: 3002 });
wss.on('connection', (ws) => ws.on('message', onMessage));
