const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();

const ROOT = path.resolve(process.env.FILES || 'files');
const BASE = ROOT + path.sep;

// The prefix ends in a separator: a sibling folder's path does not begin with it.
app.get('/a/:name', (req, res) => {
  const file = path.resolve(ROOT, req.params.name);
  if (!file.startsWith(ROOT + path.sep)) return res.status(403).end();
  res.send(fs.readFileSync(file));
});

// The folder itself, or a path under it.
app.get('/b', (req, res) => {
  const file = path.join(ROOT, req.query.f);
  if (file !== ROOT && !file.startsWith(`${ROOT}/`)) return res.status(403).end();
  res.send(fs.readFileSync(file));
});

// A name bound to the folder with its separator.
app.get('/c', (req, res) => {
  const file = path.resolve(ROOT, req.query.f);
  if (file.indexOf(BASE) !== 0) return res.status(403).end();
  res.send(fs.readFileSync(file));
});

// A literal folder ending in `/`, and `path.join(root, '/')`, which keeps the separator.
app.get('/d', (req, res) => {
  const file = path.resolve('/srv/www', req.query.f);
  if (!file.startsWith('/srv/www/')) return res.status(403).end();
  res.send(fs.readFileSync(file));
});
app.get('/e', (req, res) => {
  const file = path.resolve(ROOT, req.query.f);
  if (!file.startsWith(path.join(ROOT, '/'))) return res.status(403).end();
  res.send(fs.readFileSync(file));
});

// A folder given a trailing separator where it is set.
function Store(dir) {
  this.dir = path.resolve(dir);
  if (!this.dir.endsWith(path.sep)) this.dir += path.sep;
}
Store.prototype.read = function (req, res) {
  const file = path.join(this.dir, req.params.name);
  if (!file.startsWith(this.dir)) return res.status(403).end();
  res.send(fs.readFileSync(file));
};
app.get('/f/:name', (req, res) => new Store(ROOT).read(req, res));
