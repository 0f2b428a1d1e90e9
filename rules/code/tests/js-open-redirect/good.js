const express = require('express');
const app = express();
const TARGETS = ['/home', '/settings'];

app.get('/login/callback', (req, res) => {
  const next = req.query.next;
  if (!TARGETS.includes(next)) return res.redirect('/home');
  res.redirect(next);
});

app.get('/item', (req, res) => {
  res.redirect(`/items/${encodeURIComponent(req.query.id)}`);
});

// A relative path of this site, then the query: `./?a=b` cannot leave the site.
app.get('/tests/frontend/index.html', (req, res) => {
  res.redirect(['./', ...req.url.split('?').slice(1)].join('?'));
});

app.get('/tests/frontend', (req, res) => {
  res.redirect(`../frontend/?${req.url.split('?')[1]}`);
});

// The HTTPS upgrade: the host is the one the browser itself sent.
app.use((req, res, next) => {
  if (req.secure) return next();
  res.redirect(302, 'https://' + req.hostname + ':8443' + req.originalUrl);
});

app.use((req, res) => res.redirect(`https://${req.headers.host}${req.url}`));

// Equal to the configured root: the target is that root with a slash.
const rootPath = process.env.ROOT_PATH || '/ungit';
app.use((req, res, next) => {
  if (req.url === rootPath) {
    res.redirect(req.url + '/');
    return;
  }
  next();
});
