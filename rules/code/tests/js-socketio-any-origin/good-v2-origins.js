const express = require('express');
const session = require('express-session');
const http = require('http');

// socket.io 2's `origins` list is checked for every new connection, the WebSocket transport's included
// (it is the server's own allowRequest), so a page on another site is refused.
const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const server = http.createServer(app);
const io = require('socket.io')(server, { origins: ['https://app.example.com:443'] });
io.use((socket, next) => sessionMiddleware(socket.request, {}, next));

io.on('connection', (socket) => {
  socket.emit('hello', socket.request.session.user);
});
server.listen(3000);
