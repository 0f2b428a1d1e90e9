// A check of one field does not protect another field, nor the field on the side where the check failed.
const fs = require('fs');
const path = require('path');
const express = require('express');
const utils = require('./utils');

const app = express();
const FILES = '/srv/files';

app.post('/stat', (req, res) => {
  const msg = req.body;
  if (!utils.isPathSane(msg.name)) return res.sendStatus(400);
  // ruleid: code/js-path-traversal
  res.json(fs.statSync(path.join(FILES, msg.data)));
});

module.exports = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if (!utils.isPathSane(msg.data)) {
      // ruleid: code/js-path-traversal
      fs.unlinkSync(FILES + '/' + msg.data);
    }
  });
};

// An array's elements compared whole with '..' say nothing of 'a/../../etc'.
module.exports.copy = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    if ([msg.src, msg.dst].includes('..')) return;
    // ruleid: code/js-path-traversal
    fs.copyFileSync(FILES + msg.src, FILES + msg.dst);
  });
};

// A copy that can be reassigned covers nothing of the original.
module.exports.move = (ws) => {
  ws.on('message', (raw) => {
    const msg = JSON.parse(raw);
    let src = msg.data.src;
    if (msg.data.trim) src = src.trim();
    if (!utils.isPathSane(src)) return;
    // ruleid: code/js-path-traversal
    fs.renameSync(FILES + msg.data.src, FILES + '/trash');
  });
};

// A callback's own parameter of the same name is another value.
app.post('/many', (req, res) => {
  const name = req.body.name;
  if (!utils.isPathSane(name)) return res.sendStatus(400);
  req.body.names.forEach((name) => {
    // ruleid: code/js-path-traversal
    fs.unlinkSync(path.join(FILES, name));
  });
  res.end();
});
