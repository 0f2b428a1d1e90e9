import express from 'express';
import session from 'express-session';
import { createServer } from 'node:http';
import { Server } from 'socket.io';

const app = express();
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false });
app.use(sessionMiddleware);
const httpServer = createServer(app);
const allowed = new Set([process.env.PUBLIC_ORIGIN]);
const io = new Server(httpServer, {
  allowRequest: (req, callback) => callback(null, allowed.has(req.headers.origin)),
});
io.engine.use(sessionMiddleware);
io.on('connection', (socket) => {
  socket.emit('hello', socket.request.session.user);
});
httpServer.listen(3000);
