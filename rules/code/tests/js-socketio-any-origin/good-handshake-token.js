// socket.io 0.9's handshake authorization with a token the page puts in the query: a foreign page does not
// have it, and the browser sends nothing by itself that passes. (Basic credentials guard only the pages.)
var express = require('express')
  , io = require('socket.io')
  , http = require('http')
  , tokens = require('./tokens');

var app = express();
var server = http.createServer(app);
app.use(express.basicAuth(function (user, pass) {
  return user === process.env.ADMIN_USER && pass === process.env.ADMIN_PASS;
}));

var sio = io.listen(server);
sio.set('authorization', function (handshakeData, accept) {
  accept(null, tokens.valid(handshakeData.query.token));
});

server.listen(8080);
