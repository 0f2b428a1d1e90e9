const express = require('express');
const app = express();

// Request data before the constant segment, or a constant that leaves the host open, still redirects anywhere.
app.get('/a', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.query.base + '/query-table/' + req.params.id);
});

app.get('/b', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://' + req.query.host + '/home');
});

app.get('/c', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`https://app${req.query.domain}`);
});

// An unanchored pattern, or one whose fixed text is only '/', lets `//evil.example` through.
app.use((err, req, res, next) => {
  const loose = req.path.match(/\/topic\/.*/);
  // ruleid: code/js-open-redirect
  if (loose) return res.redirect(loose[0]);
  const slash = req.path.match(/^\/.*/);
  // ruleid: code/js-open-redirect
  if (slash) return res.redirect(slash[0]);
  next(err);
});

// A host a header other than Host names (X-Forwarded-Host is set by whoever sends the request), or an
// equality with another request value, settles nothing.
app.get('/d', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://' + req.headers['x-forwarded-host'] + req.url);
});

app.get('/e', (req, res) => {
  if (req.query.next === req.query.confirm) {
    // ruleid: code/js-open-redirect
    res.redirect(req.query.next);
  }
});

// A forwarded host read with req.get is the sender's, whatever the scheme before it.
app.get('/f', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(req.protocol + '://' + req.get('x-forwarded-host') + '/home');
});

// A fixed host followed by anything other than the request's own target: `@evil.example` after it makes
// the fixed part a user name and names another host; so does a port taken from the request.
app.get('/g', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://app.example' + req.query.next);
});

app.get('/h', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`https://app.example:${req.query.port}${req.url}`);
});

// The request's target cut or rewritten is no target any more: with a prefix taken off, `/go@evil.example`
// leaves `@evil.example` after the fixed host, which makes that host a user name.
app.get('/go*', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`https://app.example${req.url.slice(3)}`);
});

app.get('/to*', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('https://app.example' + req.originalUrl.replace('/to', ''));
});
