import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
// ruleid: code/js-socketio-any-origin
const io = new Server(httpServer, { path: '/socket.io' });
io.engine.use(sessionMiddleware);

io.on('connection', (socket) => {
  const user = socket.request.session.user;
  if (!user) return socket.disconnect();
  socket.on('delete', (id) => deleteNote(user, id));
});

function deleteNote(user, id) {
  return { user, id };
}
httpServer.listen(3000);
