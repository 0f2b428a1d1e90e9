const express = require('express');
const path = require('path');
const app = express();

// A host the request names in its query, joined with path.join, is the sender's.
app.get('/a', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://' + path.join(req.query.host, req.url));
});

// No host before the target: `path.join('', '//evil.example/x')` is `/evil.example/x`, and after `https://`
// that is a host.
app.get('/b', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://' + path.join('', req.url));
});

// More after the target (`..` climbs back over it to the host), or the target cut: `/d../evil.example` cut
// by two is `../evil.example`, a segment the browser sent as it was, and path.join climbs with it.
app.get('/c', (req, res) => {
  const host = req.headers.host;
  // ruleid: code/js-open-redirect
  res.redirect('https://' + path.join(host, req.url, req.query.up));
});

app.get('/d*', (req, res) => {
  const host = req.headers.host;
  // ruleid: code/js-open-redirect
  res.redirect('https://' + path.join(host, req.url.slice(2)));
});

// The Host header rewritten with a value the request chose, or a forwarding header cut at its port.
app.get('/e', (req, res) => {
  const host = req.headers.host.replace('www.', req.query.prefix);
  // ruleid: code/js-open-redirect
  res.redirect('https://' + host + '/home');
});

app.get('/f', (req, res) => {
  const host = req.headers['x-forwarded-host'].split(':')[0];
  // ruleid: code/js-open-redirect
  res.redirect('https://' + host + '/home');
});
