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

// The check made on const copies of the fields covers the fields themselves.
module.exports.clipboard = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    const src = msg.data.src;
    const dst = msg.data.dst;
    if (!validatePaths([src, dst])) return;
    fs.copyFileSync(FILES + msg.data.src, FILES + msg.data.dst);
  });
};

// A check made before a callback is made covers the callback.
app.post('/stat-later', (req, res) => {
  const name = req.body.name;
  if (!utils.isPathSane(name)) return res.sendStatus(400);
  fs.stat(path.join(FILES, name), (err) => {
    if (err) return res.sendStatus(404);
    res.send(fs.readFileSync(path.join(FILES, name)));
  });
});
