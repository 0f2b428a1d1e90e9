// A check that only looks for `..` does not stop an absolute path: `path.resolve(base, '/etc')` is `/etc`,
// `path.join('/etc', 'HEAD')` keeps it absolute, and an fs call given the value reads wherever it names.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const REPOS = '/srv/git';

app.get('/repo/:name/head', (req, res) => {
  const name = req.params.name;
  if (name.includes('..')) return res.status(400).end();
  // ruleid: code/js-path-traversal
  fs.createReadStream(path.resolve(REPOS, name, 'HEAD')).pipe(res);
});

app.get('/repo/*', (req, res) => {
  const m = req.path.match(/^\/repo\/(.+)\/info$/);
  if (!m) return res.status(404).end();
  if (/\.\./.test(m[1])) return res.status(400).end();
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(m[1], 'info')));
});

app.get('/raw', (req, res) => {
  const file = req.query.file;
  if (/(^|\/)\.\.(\/|$)/.test(file)) return res.status(400).end();
  // ruleid: code/js-path-traversal
  fs.readFile(file, (err, data) => res.end(data));
});

app.get('/checked-and', (req, res) => {
  const file = req.query.file;
  // Refused only when both hold: an absolute name without `..` passes.
  if (file.includes('..') && path.isAbsolute(file)) return res.status(400).end();
  // ruleid: code/js-path-traversal
  fs.readFile(path.resolve(REPOS, file), (err, data) => res.end(data));
});
