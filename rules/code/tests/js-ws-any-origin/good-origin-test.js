// The upgrade handler compares the Origin before it hands the request to ws.
import http from 'node:http';
import WebSocket from 'ws';
import { sessionParser } from './session.js';

const server = http.createServer();
// ok: code/js-ws-any-origin
const wss = new WebSocket.Server({ noServer: true });

server.on('upgrade', (req, socket, head) => {
  if (req.headers.origin !== 'https://app.example') {
    socket.destroy();
    return;
  }
  sessionParser(req, {}, () => {
    if (!req.session.user) return socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
});
