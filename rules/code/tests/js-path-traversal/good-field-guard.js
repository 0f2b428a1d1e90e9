// A field of a message checked by a path predicate before use: the object is request data, the field is not.
const fs = require('fs');
const path = require('path');
const express = require('express');
const utils = require('./utils');

const app = express();
const FILES = '/srv/files';

function validatePaths(paths) {
  return (Array.isArray(paths) ? paths : [paths]).every((p) => utils.isPathSane(p));
}

app.post('/stat', (req, res) => {
  const msg = req.body;
  if (!utils.isPathSane(msg.data)) return res.sendStatus(400);
  res.json(fs.statSync(path.join(FILES, msg.data)));
});

module.exports = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (msg.type === 'RELOAD_DIRECTORY') {
      if (!validatePaths(msg.data.dir)) return;
      fs.readdirSync(FILES + '/' + msg.data.dir);
    }
  });
};

// Both paths of a copy checked in one call.
module.exports.copy = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (!validatePaths([msg.data.src, msg.data.dst])) return;
    fs.copyFileSync(FILES + msg.data.src, FILES + msg.data.dst);
  });
};
