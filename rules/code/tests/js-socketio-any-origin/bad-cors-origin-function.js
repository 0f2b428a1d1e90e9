import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

// An `origin` function that answers `false` for another site only leaves the CORS headers out (the cors
// package then lets the request through): nothing is refused, and a page anywhere opens the WebSocket with the
// user's cookie.
const ALLOWED = new Set(['https://app.example.com']);
const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
// ruleid: code/js-socketio-any-origin
const io = new Server(httpServer, {
  cors: { origin: (origin, callback) => callback(null, ALLOWED.has(origin)), credentials: true },
});
io.engine.use(sessionMiddleware);

io.on('connection', (socket) => {
  socket.emit('hello', socket.request.session.user);
});
httpServer.listen(3000);
