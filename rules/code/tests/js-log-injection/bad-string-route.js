const express = require('express');

const app = express();

// The stack has no pattern of its own: Express decodes %0a into a line break.
app.get('/fonts/:stack/:range(\\d+-\\d+).pbf', (req, res) => {
  // ruleid: code/js-log-injection
  console.error(`Font not found: ${req.params.stack}`);
  res.sendStatus(404);
});

// A pattern that admits any character but a slash.
app.get('/names/:name([^/]+)', (req, res) => {
  // ruleid: code/js-log-injection
  console.log('Unknown name:', req.params.name);
  res.sendStatus(404);
});

module.exports = app;
