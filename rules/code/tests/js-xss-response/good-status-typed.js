// A response typed as text earlier in the handler stays text when the body is sent through res.status(N).
const express = require('express');
const app = express();

app.get('/lookup', (req, res) => {
  res.type('text');
  res.status(400).send('bad name ' + req.query.name);
});

app.get('/missing', (req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.status(404).send('no such ' + req.query.name);
});

app.get('/json', (req, res) => {
  // An object body is sent as JSON.
  res.status(400).send({ error: 'bad name ' + req.query.name });
});
