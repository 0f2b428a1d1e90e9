import { createServer } from 'node:http';
import { Server } from 'socket.io';
import jwt from 'jsonwebtoken';

// The page sends a token it holds; another site's page has none, whatever cookies the browser keeps.
const httpServer = createServer();
const io = new Server(httpServer, { path: '/socket.io' });
io.use((socket, next) => {
  try {
    socket.data.user = jwt.verify(socket.handshake.auth.token, process.env.JWT_SECRET);
    next();
  } catch (err) {
    next(err);
  }
});
httpServer.listen(3000);
