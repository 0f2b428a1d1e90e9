// An older ws (`require('ws').Server`) given the HTTP server: the connection handler takes the user from the
// session cookie of the upgrade request. The Origin is never looked at.
var WebSocket = require('ws');
var cookie = require('cookie');
var http = require('http');
var sessions = require('./sessions');

var server = http.createServer(function (req, res) {
  res.end('ok');
});
// ruleid: code/js-ws-any-origin
var wss = new WebSocket.Server({ server: server, path: '/socket' });

wss.on('connection', function (ws, req) {
  var sid = cookie.parse(req.headers.cookie || '').sid;
  var user = sessions.get(sid);
  ws.on('message', function (msg) {
    if (user) user.send(JSON.parse(msg));
  });
});

server.listen(3000);
