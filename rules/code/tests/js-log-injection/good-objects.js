const express = require('express');

const app = express();
app.get('/debug', (req, res) => {
  // util.inspect quotes and escapes the strings inside objects.
  console.log(req.query);
  console.log(req.headers);
  res.sendStatus(204);
});
