const express = require('express');
const logger = require('./logger');

const app = express();
app.get('/login', (req, res) => {
  const user = req.query.user;
  // ruleid: code/js-log-injection
  console.log('login attempt for ' + user);
  // ruleid: code/js-log-injection
  logger.warn(`failed login: ${req.body.name}`);
  res.sendStatus(401);
});

app.post('/upload-name', (req, res) => {
  const upload = req.files.avatar;
  // ruleid: code/js-log-injection
  console.log('received ' + upload.name);
  res.end();
});
