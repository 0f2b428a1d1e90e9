const express = require('express');

const isProduction = process.env.NODE_ENV === 'production';
const app = express();

app.use((err, req, res, next) => {
  // The stack in production: the test reversed.
  // ruleid: code/js-stack-trace-exposure
  res.status(500).json({ stack: isProduction && err.stack });
});

app.use((err, req, res, next) => {
  if (process.env.NODE_ENV !== 'production') {
    res.status(500).send('Internal error');
  } else {
    // The else branch runs in production.
    // ruleid: code/js-stack-trace-exposure
    res.status(500).send(err.stack);
  }
});

app.use((err, req, res, next) => {
  // A switch the request sets is no deployment's.
  // ruleid: code/js-stack-trace-exposure
  res.status(500).json({ stack: req.query.debug && err.stack });
});

app.use((err, req, res, next) => {
  // The first branch of a production test runs in production.
  // ruleid: code/js-stack-trace-exposure
  res.status(500).json({ stack: isProduction ? err.stack : undefined });
});
