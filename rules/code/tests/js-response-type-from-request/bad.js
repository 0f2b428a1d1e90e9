const express = require('express');
const http = require('http');
const fs = require('fs');

const app = express();

// A stored item served inline with the type the link names: `?mimeType=text/html` runs it as a page of this site.
app.get('/data/:id', (req, res) => {
  const { mimeType } = req.query;
  if (mimeType) {
    // ruleid: code/js-response-type-from-request
    res.setHeader('Content-Type', mimeType);
  }
  if (req.query.mode === 'download') res.setHeader('Content-Disposition', 'attachment');
  res.sendFile(`/var/data/${Number(req.params.id)}`);
});

app.get('/preview/:id', (req, res) => {
  // ruleid: code/js-response-type-from-request
  res.type(req.query.format);
  res.send(fs.readFileSync(`/var/data/${Number(req.params.id)}`));
});

app.post('/echo', (req, res) => {
  // ruleid: code/js-response-type-from-request
  res.set('content-type', req.body.type).send(req.body.text);
});

// Only an image prefix fixed: `image/svg+xml` is a type that runs script.
app.get('/img/:id', (req, res) => {
  // ruleid: code/js-response-type-from-request
  res.contentType('image/' + req.params.kind);
  res.send(fs.readFileSync(`/var/img/${Number(req.params.id)}`));
});

http.createServer((req, res) => {
  const type = new URL(req.url, 'http://localhost').searchParams.get('type');
  // ruleid: code/js-response-type-from-request
  res.writeHead(200, { 'Content-Type': type });
  res.end(fs.readFileSync('/var/data/upload'));
});

// A check that names no type: any non-empty value passes.
app.get('/view/:id', (req, res) => {
  const { format } = req.query;
  if (!isPresent(format)) return res.status(400).end();
  // ruleid: code/js-response-type-from-request
  res.type(format);
  res.send(fs.readFileSync(`/var/data/${Number(req.params.id)}`));
});

function isPresent(value) {
  return typeof value === 'string' && value.length > 0;
}

module.exports = app;
