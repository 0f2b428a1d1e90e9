const http = require('http');
const express = require('express');

http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/html');
  // ruleid: code/js-xss-response
  res.end('Cannot ' + req.method + ' ' + decodeURIComponent(req.url));
});

http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.write('<p>' + req.url + '</p>');
  // Too late: the write above went out as HTML.
  res.setHeader('Content-Type', 'text/plain');
  res.end();
});

const app = express();
app.get('/echo', (req, res) => {
  if (req.query.raw) {
    res.type('text');
  }
  // ruleid: code/js-xss-response
  res.send('You asked for ' + req.query.q);
});

app.get('/other', (req, res) => {
  // The text type is given to another response.
  other.setHeader('Content-Type', 'text/plain');
  // ruleid: code/js-xss-response
  res.send(req.query.q);
});

// An SVG image is a document with scripts when the browser opens it; a text type set and then replaced by HTML.
http.createServer((req, res) => {
  res.setHeader('Content-Type', 'image/svg+xml');
  // ruleid: code/js-xss-response
  res.end('<svg xmlns="http://www.w3.org/2000/svg"><text>' + req.url + '</text></svg>');
});

http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  // ruleid: code/js-xss-response
  res.end('<p>' + req.url + '</p>');
});
