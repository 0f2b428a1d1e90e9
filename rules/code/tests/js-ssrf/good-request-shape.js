// Request data in what is sent (headers, body, method) or an HTTP/2 header block of a connected session does not
// choose where the request goes.
const request = require('request');
const http2 = require('http2');
const express = require('express');
const app = express();
app.get('/f3', (req, res) => {
  request({ url: 'http://127.0.0.1:8900/x', headers: req.headers }, (err, r) => res.json(r));
});
app.get('/f4', (req, res) => {
  request({ url: 'http://127.0.0.1:8900/x', json: req.body, method: req.query.m }, (err, r) => res.json(r));
});
app.get('/f5', (req, res) => {
  const opts = new URL('http://127.0.0.1:8900/x');
  opts.headers = { 'x-user': req.query.user };
  opts.method = req.query.method;
  request(opts, (err, r) => res.json(r));
});
const client = http2.connect('https://upstream.example.com');
app.get('/h2', (req, res) => {
  const headers = { ...req.headers };
  headers[':path'] = req.path;
  headers[':authority'] = req.headers.host;
  const stream = client.request(headers);
  stream.pipe(res);
});
app.get('/h2b', (req, res) => {
  const stream = client.request({ ':path': req.path, ':authority': req.headers.host });
  stream.pipe(res);
});
