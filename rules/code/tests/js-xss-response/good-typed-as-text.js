const http = require('http');
const express = require('express');

// A response typed as text or JSON in an earlier statement of the handler is not parsed as HTML.
http.createServer((req, res) => {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'text/plain');
  res.end('Cannot ' + req.method + ' ' + req.url);
});

http.createServer((req, res) => {
  res.writeHead(400, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end('{"error":"bad id ' + req.url + '"}');
});

const app = express();
app.get('/echo', (req, res) => {
  res.type('text');
  res.send('You asked for ' + req.query.q);
});

app.get('/csv', (req, res) => {
  res.set('Content-Type', 'text/csv');
  res.send(req.query.rows);
});
