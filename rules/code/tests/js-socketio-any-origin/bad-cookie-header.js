const http = require('http');
const cookie = require('cookie');
const sessions = require('./sessions');

const server = http.createServer();
// ruleid: code/js-socketio-any-origin
const io = require('socket.io')(server);

io.on('connection', (socket) => {
  const sid = cookie.parse(socket.handshake.headers.cookie || '').sid;
  const user = sessions.get(sid);
  socket.on('run', (job) => user && user.run(job));
});
server.listen(8080);
