import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

// socket.io 3 and later hand `cors` to the cors package: it answers the HTTP long-polling requests with
// Access-Control-Allow-Origin for the listed page, so another page cannot read them, but it refuses nothing.
// The WebSocket transport is not subject to CORS, and the handshake's Origin is checked only by allowRequest:
// a page on any site opens `io('wss://…', { transports: ['websocket'] })` with the user's cookie.
const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
// ruleid: code/js-socketio-any-origin
const io = new Server(httpServer, { cors: { origin: ['https://app.example.com'], credentials: true } });
io.engine.use(sessionMiddleware);

io.on('connection', (socket) => {
  const user = socket.request.session.user;
  socket.on('delete', (id) => remove(user, id));
});

function remove(user, id) {
  return { user, id };
}
httpServer.listen(3000);
