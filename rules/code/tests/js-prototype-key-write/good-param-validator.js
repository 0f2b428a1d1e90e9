const express = require('express');
const { validate_name } = require('./utils');

const app = express.Router();
// validate_name refuses __proto__ and anything but URL-safe characters before any route with :tag runs.
app.param('tag', validate_name);

app.put('/:package/:tag', (req, res) => {
  const tags = {};
  tags[req.params.tag] = req.body;
  res.json(tags);
});

module.exports = app;
