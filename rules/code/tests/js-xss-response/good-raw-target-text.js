const express = require('express');

// A message with no markup of its own whose only value is the request's raw target: a browser sends `<`, `>`
// and `"` in a path or a query percent-encoded, so no tag opens in the page.
const app = express();

app.get('/sound/:bundle/:cue/default.mp3', (req, res) => {
  res.status(404).send(`File not found: ${req.path}`);
});

app.use((req, res) => {
  res.status(404).send('Cannot ' + 'GET ' + req.originalUrl);
});

app.get('/echo', (req, res) => {
  res.send(req.url);
});

app.listen(3000);
