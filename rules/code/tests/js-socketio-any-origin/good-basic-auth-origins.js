// socket.io 0.9 behind HTTP Basic authentication, with the handshake's Origin limited to the site's own.
var express = require('express')
  , io = require('socket.io')
  , http = require('http');

var app = express();
var server = http.createServer(app);
var auth = express.basicAuth(function (user, pass) {
  return user === process.env.TTY_USER && pass === process.env.TTY_PASS;
});
app.use(auth);

var sio = io.listen(server, { log: false });
sio.set('origins', 'console.example.com:443');

sio.set('authorization', function (data, accept) {
  auth(data, null, function (err) {
    accept(err, !err);
  });
});

server.listen(8080);
