// The ws package's own express-session example: the upgrade handler runs the session middleware on the
// upgrade request and lets in whoever's cookie names a signed-in user, with no look at the Origin. Any page
// the user visits opens `new WebSocket('wss://app.example/')` and talks to the socket as the user.
const express = require('express');
const session = require('express-session');
const http = require('http');
const { WebSocketServer } = require('ws');

const app = express();
const sessionParser = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionParser);
app.post('/login', (req, res) => {
  req.session.userId = req.body.user;
  res.send({ result: 'OK' });
});

const server = http.createServer(app);
// ruleid: code/js-ws-any-origin
const wss = new WebSocketServer({ clientTracking: false, noServer: true });

server.on('upgrade', (request, socket, head) => {
  sessionParser(request, {}, () => {
    if (!request.session.userId) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
});

wss.on('connection', (ws, request) => {
  ws.on('message', (message) => runCommand(request.session.userId, String(message)));
});

function runCommand(user, text) {
  return { user, text };
}

server.listen(8080);
