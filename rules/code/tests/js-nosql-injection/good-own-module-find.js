// `bundles.find(name)` calls the program's own module (`require('./lib-bundle-list')`), whose `find` loops
// over an array and calls no database: the name of a MongoDB method, not a filter (the application does use
// MongoDB elsewhere).
const mongoose = require('mongoose');
const bundles = require('./lib-bundle-list');
const io = require('socket.io')();

const Graphic = mongoose.model('Graphic');

io.on('connection', (socket) => {
  socket.on('graphic:register', (regRequest, cb) => {
    const bundle = bundles.find(regRequest.bundleName);
    cb(Boolean(bundle));
  });
  socket.on('graphic:list', (query, cb) => {
    Graphic.countDocuments({ kind: String(query.kind) }).then(cb);
  });
});
