const express = require('express');

const app = express();

// A group that admits '%' (decoded into any character), any character, or a line break itself.
app.get(/^\/page\/([\w%]+)$/, (req, res) => {
  // ruleid: code/js-log-injection
  console.log(`saving ${req.params[0]}`);
  res.send('ok');
});

app.get(/^\/files\/(.+)$/, (req, res) => {
  // ruleid: code/js-log-injection
  console.log('reading ' + req.params[0]);
  res.send('ok');
});

app.get(/^\/a\/([a-z]+)\/(\S+)$/, (req, res) => {
  // ruleid: code/js-log-injection
  console.log('second group ' + req.params[1]);
  res.send('ok');
});

// A string route's parameter is not confined by a pattern.
app.get('/b/:name', (req, res) => {
  // ruleid: code/js-log-injection
  console.log('name ' + req.params[0]);
  res.send('ok');
});

module.exports = app;
