const express = require('express');
const app = express();

// The element an array method passes still carries the request's data; only its index does not.
app.post('/flags', (req, res) => {
  const flags = req.session.flags;
  req.body.names.forEach((name, i) => {
    // ruleid: code/js-prototype-key-write
    flags[name] = { order: i };
  });
  res.json(flags);
});
