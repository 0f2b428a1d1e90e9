// A reply that GET or POST requests get, beside a branch for PUT, is still a page a link or form opens.
const express = require('express');
const app = express();

function upload(req, res) {
  if (req.method !== 'PUT') {
    // ruleid: code/js-xss-response
    res.send('Nothing saved to ' + req.query.folder);
    return;
  }
  if (/PUT/.test(req.method)) {
    res.end('Saved');
  } else {
    // ruleid: code/js-xss-response
    res.end('Use PUT to save to ' + req.query.folder);
  }
}

app.post('/notes', (req, res) => {
  // ruleid: code/js-xss-response
  res.send('Saved ' + req.body.title);
});

app.all('/files/:name', upload);

module.exports = { app };
