// A message a connected peer sends is request data: socket.io events, ws messages, raw net data.
const { Server } = require('socket.io');
const { WebSocketServer } = require('ws');
const net = require('net');
const childProcess = require('child_process');

function prepareBrowser(executablePath) {
  // ruleid: code/js-command-injection
  return childProcess.execSync(executablePath + ' --version').toString();
}

const io = new Server(3001);
io.on('connection', (socket) => {
  socket.on('testBrowser', (executable, callback) => {
    callback({ ok: true, version: prepareBrowser(executable) });
  });
  socket.once('ping-host', async ({ host }) => {
    // ruleid: code/js-command-injection
    childProcess.exec(`ping -c 1 ${host}`);
  });
});

const wss = new WebSocketServer({ port: 3002 });
wss.on('connection', (ws) => {
  ws.on('message', (data) => {
    const msg = JSON.parse(data);
    // ruleid: code/js-command-injection
    childProcess.exec('convert ' + msg.file + ' out.png');
  });
});

net.createServer((conn) => {
  conn.on('data', (chunk) => {
    // ruleid: code/js-command-injection
    childProcess.exec('lookup ' + chunk.toString().trim());
  });
});

// Handlers registered in a module of their own, handed the socket by the server.
module.exports.maintenanceHandler = (socket) => {
  socket.on('runMaintenance', (name) => {
    // ruleid: code/js-command-injection
    childProcess.exec('maintenance.sh ' + name);
  });
};
