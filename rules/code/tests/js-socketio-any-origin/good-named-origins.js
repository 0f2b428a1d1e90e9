// socket.io 0.9 behind HTTP Basic authentication, the origins given by a name that holds the site's own.
var express = require('express')
  , io = require('socket.io')
  , http = require('http');

var app = express();
var server = http.createServer(app);
var auth = express.basicAuth(function (user, pass) {
  return user === process.env.TTY_USER && pass === process.env.TTY_PASS;
});
app.use(auth);

var allowedOrigins = 'console.example.com:443';

var sio = io.listen(server, { log: false });
sio.set('origins', allowedOrigins);

sio.set('authorization', function (data, accept) {
  auth(data, null, function (err) {
    accept(err, !err);
  });
});

server.listen(8080);
