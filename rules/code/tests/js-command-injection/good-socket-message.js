// Arguments the socket library makes itself (lifecycle events) are not a peer's message.
const childProcess = require('child_process');

module.exports.lifecycle = (socket) => {
  socket.on('disconnect', (reason) => {
    childProcess.execSync('logger disconnected: ' + reason);
  });
  socket.on('error', (err) => {
    childProcess.execSync('logger ' + err.code);
  });
  socket.on('login', (user) => {
    childProcess.execSync('logger login ' + JSON.stringify(user.name.length));
  });
};

// A stream that is not a connection: the program's own child process.
const proc = childProcess.spawn('tail', ['-f', '/var/log/app.log']);
proc.stdout.on('data', (line) => {
  childProcess.execSync('logger ' + line);
});
