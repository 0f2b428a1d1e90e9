// A live-reload server: no cookies, no session, nothing a page gains by connecting but reload messages.
const http = require('http');
const { WebSocketServer } = require('ws');

// ok: code/js-ws-any-origin
const server = new http.Server((req, res) => res.end('ok'));
// ok: code/js-ws-any-origin
const wss = new WebSocketServer({ server });

wss.on('connection', (ws, req) => {
  ws.send(JSON.stringify({ command: 'hello', url: req.url }));
});

function reload(path) {
  for (const client of wss.clients) client.send(JSON.stringify({ command: 'reload', path }));
}
module.exports = { reload };
