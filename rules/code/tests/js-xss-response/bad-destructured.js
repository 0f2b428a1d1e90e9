const express = require('express');
const app = express();

// A member of a destructured query object is a string: it is HTML when sent as such.
app.get('/hello', (req, res) => {
  const { query } = req;
  // ruleid: code/js-xss-response
  res.send('<p>Hello ' + query.name + '</p>');
});

// Decoding base64 gives back whatever the user encoded.
app.get('/decode/:value', (req, res) => {
  // ruleid: code/js-xss-response
  res.send(Buffer.from(req.params.value, 'base64').toString('utf8'));
});
