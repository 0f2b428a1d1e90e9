// The only cookie read off the handshake is commented out, in a block comment whose lines do not start with
// `*` (a middleware template shipped for users to fill in): the socket authenticates nobody by cookie.
const http = require('http');
const path = require('path');

const server = http.createServer();
const io = require('socket.io')(server, { path: '/ui/socket.io' });

/* Template middleware:
module.exports = function (socket, next) {
    if (socket.request.headers.cookie) {
        return next()
    }
    next(new Error('no cookie'))
}
*/
try {
  io.use(require(path.join(__dirname, 'sioMiddleware.js')));
} catch (e) {
  console.log('no middleware', e.message);
}

io.on('connection', (socket) => {
  socket.on('msg', (m) => io.emit('msg', m));
});
server.listen(8080);
