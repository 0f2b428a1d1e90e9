const http = require('http');
const express = require('express');

// The stack only when the program is not in production, as Express's own error handler writes it.
const isNotProduction = (process.env.NODE_ENV !== 'production');

function finalHandler(req, res, err) {
  res.statusCode = 500;
  // ok: code/js-stack-trace-exposure
  res.write(escapeHtml((isNotProduction && err.stack) || err.toString()));
  res.end();
}

const app = express();
app.use((err, req, res, next) => {
  // ok: code/js-stack-trace-exposure
  res.status(500).json({ message: err.message, stack: app.get('env') === 'development' ? err.stack : undefined });
});

app.use((err, req, res, next) => {
  if (process.env.NODE_ENV !== 'production') {
    // ok: code/js-stack-trace-exposure
    res.status(500).send(err.stack);
    return;
  }
  res.status(500).send('Internal error');
});

http.createServer(finalHandler);

// The same test written the other way round: the stack in the branch production does not take.
const isProduction = process.env.NODE_ENV === 'production';
app.use((err, req, res, next) => {
  // ok: code/js-stack-trace-exposure
  res.status(500).json({ message: err.message, stack: process.env.NODE_ENV === 'production' ? null : err.stack });
});

app.use((err, req, res, next) => {
  // ok: code/js-stack-trace-exposure
  res.status(500).json({ stack: isProduction ? undefined : err.stack });
});

app.use((err, req, res, next) => {
  if (process.env.NODE_ENV === 'production') {
    res.status(500).send('Internal error');
  } else {
    // ok: code/js-stack-trace-exposure
    res.status(500).send(err.stack);
  }
});
