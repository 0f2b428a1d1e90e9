// socket.io 0.9 behind HTTP Basic authentication: the handshake is checked with the same Basic credentials
// as the pages, which the browser sends by itself with a WebSocket that any page opens, and no Origin is
// checked (0.9's default `origins` is `*:*`). A site the user visits gets the user's terminal.
var express = require('express')
  , io = require('socket.io')
  , http = require('http');

// The program's own server type, constructed without `new` too: not socket.io's.
function Server(conf) {
  if (!(this instanceof Server)) {
    return new Server(conf);
  }
  this.conf = conf;
}

var app = express();
var server = http.createServer(app);
var auth = express.basicAuth(function (user, pass) {
  return user === process.env.TTY_USER && pass === process.env.TTY_PASS;
});
app.use(auth);

// ruleid: code/js-socketio-any-origin
var sio = io.listen(server, { log: false });

sio.set('authorization', function (data, accept) {
  auth(data, null, function (err) {
    accept(err, !err);
  });
});

sio.sockets.on('connection', function (socket) {
  socket.on('data', function (line) {
    socket.emit('data', line);
  });
});

server.listen(8080);
