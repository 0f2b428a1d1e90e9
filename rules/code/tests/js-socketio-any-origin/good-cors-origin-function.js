import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

// An `origin` function that calls back with an error for another site: socket.io 4.6 and later run the cors
// middleware on the WebSocket upgrade too, and an error refuses the handshake.
const ALLOWED = new Set(['https://app.example.com']);
const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
const io = new Server(httpServer, {
  cors: {
    origin(origin, callback) {
      if (ALLOWED.has(origin)) callback(null, true);
      else callback(new Error('origin not allowed'));
    },
    credentials: true,
  },
});
io.engine.use(sessionMiddleware);

io.on('connection', (socket) => {
  socket.emit('hello', socket.request.session.user);
});
httpServer.listen(3000);
