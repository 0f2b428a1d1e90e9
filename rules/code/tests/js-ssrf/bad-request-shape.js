// Request data that picks the peer next to fields that do not: the URL, a spread, the host, a proxy, a header
// read back into the URL.
const request = require('request');
const express = require('express');
const app = express();
app.get('/f3', (req, res) => {
  // ruleid: code/js-ssrf
  request({ url: req.query.url, headers: req.headers }, (err, r) => res.json(r));
});
app.get('/f4', (req, res) => {
  // ruleid: code/js-ssrf
  request({ json: req.body, ...req.query.options }, (err, r) => res.json(r));
});
app.get('/f5', (req, res) => {
  const opts = new URL('http://127.0.0.1:8900/x');
  opts.headers = { 'x-user': req.query.user };
  opts.host = req.query.host;
  // ruleid: code/js-ssrf
  request(opts, (err, r) => res.json(r));
});
app.get('/f6', (req, res) => {
  // ruleid: code/js-ssrf
  request({ url: 'http://127.0.0.1:8900/x', proxy: req.query.proxy }, (err, r) => res.json(r));
});
app.get('/f7', (req, res) => {
  const target = { headers: req.headers };
  // ruleid: code/js-ssrf
  request('http://' + target.headers.host + '/status', (err, r) => res.json(r));
});

// A helper that takes its URL out of a field named like request data (`params`, `query`): that field is the URL.
const axios = require('axios');
function fetchFrom(o) {
  const { params } = o;
  // ruleid: code/js-ssrf
  return axios.get(params);
}
app.get('/f8', (req, res) => fetchFrom({ params: req.query.u }).then((r) => res.json(r.data)));
