const http = require('http');
const express = require('express');

// A redirect's body is shown when the status is not one the browser follows (300, 200), when the Location is
// missing or one the request chooses whole (an empty `next` makes Chromium render the body), or when the status
// or the Location is set only under a condition, set back, or removed.
http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.end('Not found: ' + req.url);
});

http.createServer((req, res) => {
  res.statusCode = 300;
  res.setHeader('Location', '/choices');
  // ruleid: code/js-xss-response
  res.end('<a href="' + req.url + '">choose</a>');
});

http.createServer((req, res) => {
  res.statusCode = 302;
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.url);
});

const app = express();
app.get('/next', (req, res) => {
  res.statusCode = 302;
  res.setHeader('Location', req.query.next);
  // ruleid: code/js-xss-response
  res.end('<a href="' + req.query.next + '">continue</a>');
});

app.get('/maybe', (req, res) => {
  if (req.query.old) res.statusCode = 301;
  res.setHeader('Location', '/new');
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.query.page);
});

app.get('/reset', (req, res) => {
  res.statusCode = 301;
  res.setHeader('Location', '/new');
  res.statusCode = 200;
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.query.page);
});

app.get('/status-sink', (req, res) => {
  res.statusCode = 302;
  res.setHeader('Location', '/new');
  // ruleid: code/js-xss-response
  res.status(200).send('Moved: ' + req.query.page);
});

app.get('/removed', (req, res) => {
  res.writeHead(302, { Location: '/new' });
  res.removeHeader('Location');
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.query.page);
});

app.get('/overwritten', (req, res) => {
  res.status(302);
  res.setHeader('Location', '/new');
  res.setHeader('Location', req.query.to);
  // ruleid: code/js-xss-response
  res.send('Moved to ' + req.query.to);
});

app.get('/emptied', (req, res) => {
  res.statusCode = 302;
  res.setHeader('Location', req.url.replace(/^\/[^?]*\??/, ''));
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.url);
});

function restore(res) {
  res.statusCode = 200;
}
app.get('/helper', (req, res) => {
  res.statusCode = 302;
  res.setHeader('Location', '/new');
  restore(res);
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.query.page);
});

// review42: the request's target rewritten first may be empty, and an empty Location shows the body.
app.get('/rewritten', (req, res) => {
  req.url = req.query.back || '';
  res.statusCode = 302;
  res.setHeader('Location', req.url);
  // ruleid: code/js-xss-response
  res.end('Moved: ' + req.query.back);
});
