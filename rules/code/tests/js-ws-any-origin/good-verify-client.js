// The same session-authenticated server, with ws's verifyClient refusing other origins.
const http = require('http');
const { WebSocketServer } = require('ws');
const cookie = require('cookie');
const sessions = require('./sessions');

const allowed = new Set(['https://app.example']);
const server = http.createServer();
// ok: code/js-ws-any-origin
const wss = new WebSocketServer({ server, verifyClient: (info) => allowed.has(info.origin) });

wss.on('connection', (ws, req) => {
  const user = sessions.get(cookie.parse(req.headers.cookie || '').sid);
  ws.on('message', (msg) => user && user.send(String(msg)));
});
