const http = require('http');

// The request's method beside its raw target in a plain message: Node refuses a method outside `http.METHODS`
// (capital letters and `-`), so neither part opens a tag in a body with no markup of its own.
http
  .createServer((req, res) => {
    if (!res.headersSent) {
      res.statusCode = 404;
      res.end(req.method.toUpperCase() + ' ' + req.url + ' Not Found');
    }
  })
  .listen(8080);

const express = require('express');
const app = express();
app.use((req, res) => {
  res.status(405).send(`${req.method} ${req.originalUrl} is not allowed`);
});
