// A check made on const copies of a message's fields covers the fields, also when another function of the
// file declares a const of the same name first, copying something else.
const fs = require('fs');
const utils = require('./utils');

const FILES = '/srv/files';

function validatePaths(paths) {
  return (Array.isArray(paths) ? paths : [paths]).every((p) => utils.isPathSane(p));
}

module.exports.origin = (ws) => {
  ws.on('message', (raw) => {
    const from = JSON.parse(raw).origin;
    console.log('message from', from);
  });
};

module.exports.move = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    const from = msg.data.from;
    const to = msg.data.to;
    if (!validatePaths([from, to])) return;
    fs.renameSync(FILES + msg.data.from, FILES + msg.data.to);
  });
};
