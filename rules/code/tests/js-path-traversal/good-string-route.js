// A string route that gives a parameter its own pattern (Express 4, koa-router): `:format([\\w]+)` matches
// word characters only, against the raw path, so neither a dot, a slash nor a %-escape reaches the value.
const fs = require('fs');
const express = require('express');

const app = express();
const sprites = { basic: '/srv/sprites/basic' };

app.get('/:id/sprite:scale(@[23]x)?.:format([\\w]+)', (req, res) => {
  const base = sprites[req.params.id];
  if (!base) return res.sendStatus(404);
  const file = `${base + (req.params.scale || '')}.${req.params.format}`;
  fs.readFile(file, (err, data) => {
    if (err) {
      console.log('Sprite load error:', file);
      return res.sendStatus(404);
    }
    return res.send(data);
  });
});

module.exports = app;
