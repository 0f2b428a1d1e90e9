const express = require('express');
const logger = require('./logger');

const app = express();
app.get('/login', (req, res) => {
  const user = req.query.user;
  console.log('login attempt for ' + String(user).replace(/[\r\n]/g, ''));
  logger.warn({ name: JSON.stringify(req.body.name) }, 'failed login');
  console.log('login attempt');
  res.sendStatus(401);
});
