const express = require('express');

const app = express();
const log = console;

// A RegExp route's capture groups reach the handler as req.params[0], [1]…; a group that admits only
// letters, digits and '-' (no '%' to decode) cannot carry a line break.
app.get(/^\/page\/([a-z0-9-]+)\/action$/i, (req, res) => {
  log.info(`Error saving ${req.params[0]} before fork`);
  res.send('ok');
});

app.get(/^\/remote\/([a-zA-Z0-9:.-]+)\/([a-z0-9-]+)\.json$/, (req, res) => {
  setTimeout(() => {
    console.error('Unable to fetch remote resource', req.params[0], req.params[1]);
  }, 0);
  res.sendStatus(404);
});

module.exports = app;
