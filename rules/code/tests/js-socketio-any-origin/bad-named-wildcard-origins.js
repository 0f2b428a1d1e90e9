// socket.io 0.9 behind HTTP Basic authentication, the origins given by a name that holds every origin
// (`'*:*'`, 0.9's own default): any page the user visits opens the socket with the user's credentials.
var express = require('express')
  , io = require('socket.io')
  , http = require('http');

var app = express();
var server = http.createServer(app);
var auth = express.basicAuth(function (user, pass) {
  return user === process.env.TTY_USER && pass === process.env.TTY_PASS;
});
app.use(auth);

var allowedOrigins = '*:*';
var settings = { origins: process.env.ORIGINS || '*:*' };

// ruleid: code/js-socketio-any-origin
var sio = io.listen(server, { log: false });
sio.set('origins', allowedOrigins);
sio.set('origins', settings.origins);

sio.set('authorization', function (data, accept) {
  auth(data, null, function (err) {
    accept(err, !err);
  });
});

server.listen(8080);
