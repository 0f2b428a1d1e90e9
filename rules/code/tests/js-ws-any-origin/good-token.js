// The socket is authenticated by a token the page puts in the URL, not by cookies: another site's page does
// not have it. The HTTP routes of the same file use the session; the upgrade does not.
const express = require('express');
const session = require('express-session');
const http = require('http');
const WebSocketServer = require('ws').Server;
const tokens = require('./tokens');

const app = express();
app.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));
app.get('/token', (req, res) => res.json({ token: tokens.issue(req.session.user) }));

const server = http.createServer(app);
// ok: code/js-ws-any-origin
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  const url = new URL(req.url, 'http://localhost');
  const user = tokens.check(url.searchParams.get('token'));
  if (!user) return ws.close(1008);
  ws.on('message', (msg) => user.send(String(msg)));
});
