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

// The raw request target cannot hold a line break: Node's HTTP parser rejects one (redis-commander).
app.use((req, res, next) => {
  console.error('On ' + req.originalUrl + ': - no connection');
  console.log(`not found: ${req.url}`);
  next();
});

// Error middleware takes the error first: its fourth parameter is `next`, no request data.
app.use((err, req, res, next) => {
  console.error('failed: ' + err.message);
  next(err);
});
