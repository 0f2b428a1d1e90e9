// The session cookie is SameSite: a browser leaves it off a WebSocket another site's page opens.
const express = require('express');
const session = require('express-session');
const http = require('http');
const WebSocket = require('ws');

const app = express();
const sessionParser = session({
  secret: process.env.SESSION_SECRET,
  resave: false,
  saveUninitialized: false,
  cookie: { httpOnly: true, sameSite: 'strict' },
});
app.use(sessionParser);
const server = http.createServer(app);
// ok: code/js-ws-any-origin
const wss = new WebSocket.Server({ noServer: true });

server.on('upgrade', (request, socket, head) => {
  sessionParser(request, {}, () => {
    if (!request.session.userId) return socket.destroy();
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });
});
