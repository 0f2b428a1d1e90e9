const express = require('express');

const app = express();

// A string route's own parameter pattern (`:range(\\d+-\\d+)`, `:format([\\w]+)`) admits no line break.
app.get('/fonts/:stack/:range(\\d+-\\d+).pbf', (req, res) => {
  console.error(`Font range not found: ${req.params.range}`);
  res.sendStatus(404);
});

app.get('/:id/sprite.:format([\\w]+)', (req, res) => {
  console.log('Sprite load error:', req.params.format);
  res.sendStatus(404);
});

module.exports = app;
