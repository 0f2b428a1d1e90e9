const http = require('http');
const express = require('express');

// The body of a 301/302/303/307/308 whose Location the browser follows is never shown as a page: a static
// server's trailing-slash redirect echoes the request's own path (st 0.2.4).
http.createServer((req, res) => {
  if (!/\/$/.test(req.url)) {
    res.statusCode = 301;
    res.setHeader('location', req.url + '/');
    res.end('Moved: ' + req.url + '/');
    return;
  }
  res.end('ok');
});

http.createServer((req, res) => {
  res.writeHead(302, { Location: '/login?next=' + encodeURIComponent(req.url) });
  res.end('<p>Please <a href="/login?next=' + req.url + '">log in</a></p>');
});

const app = express();
app.get('/old/:page', (req, res) => {
  res.location(`/docs/${req.params.page}`);
  res.status(301).send('<a href="/docs/' + req.params.page + '">moved</a>');
});

app.get('/go/:id', (req, res) => {
  res.status(307);
  res.set('Location', 'https://cdn.example.com/files/' + req.params.id);
  res.send('Redirecting to ' + req.params.id);
});
