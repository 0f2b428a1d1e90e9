// A helper that rewrites its options' URL field, but not always, or after the request, or keeping the caller's
// host: what the caller passes under `url` still picks the peer.
const request = require('request');
const express = require('express');
const app = express();
const BASE_URL = 'http://127.0.0.1:8900';

function trimmed(opts, cb) {
  opts.url = opts.url.trim();
  // ruleid: code/js-ssrf
  return request(opts, cb);
}

function sometimes(opts, cb) {
  if (opts.internal) {
    opts.url = BASE_URL + (opts.url[0] === '/' ? '' : '/') + opts.url;
  }
  // ruleid: code/js-ssrf
  return request(opts, cb);
}

function tooLate(opts, cb) {
  // ruleid: code/js-ssrf
  const r = request(opts, cb);
  opts.url = BASE_URL + '/' + opts.url;
  return r;
}

function hostOnly(opts, cb) {
  opts.url = BASE_URL + '/' + opts.path;
  // ruleid: code/js-ssrf
  return request(opts, cb);
}

app.get('/a', (req, res) => trimmed({ url: req.query.target }, (e, r) => res.json(r)));
app.get('/b', (req, res) => sometimes({ url: req.query.target }, (e, r) => res.json(r)));
app.get('/c', (req, res) => tooLate({ url: req.query.target }, (e, r) => res.json(r)));
app.get('/d', (req, res) => hostOnly({ path: req.path, baseUrl: req.query.base }, (e, r) => res.json(r)));
