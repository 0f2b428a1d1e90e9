const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/files';
const ALLOWED = new Set(['a.txt', 'b.txt']);

// Leaving when the check fails: what follows runs only for allowed names.
app.get('/a/:name', (req, res) => {
  const name = req.params.name;
  if (!ALLOWED.has(name)) return res.status(404).end();
  res.send(fs.readFileSync(path.join(BASE, name)));
});

// Inside the passing branch, also under `&&` with another condition.
app.get('/b/:name', (req, res) => {
  const name = req.params.name;
  if (ALLOWED.has(name) && req.query.raw) res.send(fs.readFileSync(path.join(BASE, name)));
  res.end();
});

// A rejection check that leaves, written with `||` beside another.
app.get('/c', (req, res) => {
  const file = req.query.file;
  if (!file || file.includes('..')) return res.status(400).end();
  res.sendFile(path.join(BASE, file));
});

// The else branch of a rejection check, and an ES5 allow-list that leaves when the name is absent.
app.get('/d', (req, res) => {
  const file = req.query.file;
  if (file.includes('..')) {
    res.status(400).end();
  } else {
    res.sendFile(path.join(BASE, file));
  }
  const kind = req.query.kind;
  if (['x.txt', 'y.txt'].indexOf(kind) === -1) return res.end();
  res.sendFile(path.join(BASE, kind));
});

// A path checked to stay under the base; the result held in a name and tested negated.
app.get('/e', (req, res) => {
  const target = path.resolve(BASE, req.query.p);
  const inside = target.startsWith(BASE + path.sep);
  if (!inside) return res.status(400).end();
  res.sendFile(target);
});

// A name not on the list is replaced by a fixed one before it is read.
app.get('/f/:name', (req, res) => {
  let name = req.params.name;
  if (!ALLOWED.has(name)) name = 'a.txt';
  res.send(fs.readFileSync(path.join(BASE, name)));
});

// The check inside one branch guards the rest of that branch, and one in a `try` block the code after the `try`.
app.all('/e/:name', (req, res) => {
  const name = req.params.name;
  if (req.method === 'GET') {
    if (!ALLOWED.has(name)) return res.status(404).end();
    res.send(fs.readFileSync(path.join(BASE, name)));
  }
  const other = req.query.other;
  try {
    if (!ALLOWED.has(other)) return res.status(404).end();
  } catch (err) {
    return res.status(500).end();
  }
  res.send(fs.readFileSync(path.join(BASE, other)));
});
