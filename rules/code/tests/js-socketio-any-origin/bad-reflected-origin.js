import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

// `origin: true` reflects whatever Origin the browser sent: every page is allowed, so nothing is checked.
const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
// ruleid: code/js-socketio-any-origin
const io = new Server(httpServer, { cors: { origin: true, credentials: true } });
io.engine.use(sessionMiddleware);

io.on('connection', (socket) => {
  const user = socket.request.session.user;
  socket.on('rename', (name) => rename(user, name));
});

function rename(user, name) {
  return { user, name };
}
httpServer.listen(3000);
