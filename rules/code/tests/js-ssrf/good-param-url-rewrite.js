// A helper that always rewrites its options' URL field under the service's own origin before it sends: the
// caller's `url` picks the path, not the host. Request data in the request's headers, body or method does not
// choose where it goes either.
const request = require('request');
const express = require('express');
const app = express();
const BASE_URL = 'http://127.0.0.1:8900';

function requestData(opts, cb) {
  opts.responseType = opts.responseType || 'json';
  opts.url = BASE_URL + (opts.url[0] === '/' ? '' : '/') + opts.url;
  return request(opts, cb);
}

app.all('/cgi-bin/forward/*', (req, res) => {
  const index = req.url.indexOf('?');
  const url = req.path + (index > -1 ? req.url.substring(index) : '');
  requestData({ method: req.method, url, headers: req.headers, body: req.body }, (err, r) => res.json(r));
});
