const express = require('express');
const app = express();

function parseId(id) {
  return new Promise((resolve, reject) => {
    // Rejected with fixed text: nothing of the request's reaches the handler.
    if (!/^\d+$/.test(id)) reject('Not a number');
    else resolve(id);
  });
}

app.get('/item', (req, res) => {
  parseId(req.query.id)
    .then((n) => res.json({ n }))
    .catch((message) => res.status(400).send(message));
});

// The value it resolves with never reaches a rejection handler.
app.get('/echo', (req, res) => {
  Promise.resolve(req.query.text)
    .then((text) => res.json({ text }))
    .catch((err) => res.status(500).send(err));
});

app.get('/missing', (req, res) => {
  res.status(404).send('No such page');
});
