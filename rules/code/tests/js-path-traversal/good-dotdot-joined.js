// A `..` check is enough for a value joined after a base (`path.join(base, name)` keeps even an absolute name
// under it, as a fixed prefix does); a check that also refuses absolute paths, or a list of allowed
// characters, is enough for `path.resolve`.
const express = require('express');
const fs = require('fs');
const path = require('path');

const app = express();
const REPOS = '/srv/git';

app.get('/repo/:name/head', (req, res) => {
  const name = req.params.name;
  if (name.includes('..')) return res.status(400).end();
  fs.createReadStream(path.join(REPOS, name, 'HEAD')).pipe(res);
});

app.get('/repo/*', (req, res) => {
  const m = req.path.match(/^\/repo\/(.+)\/info$/);
  if (!m) return res.status(404).end();
  if (/\.\./.test(m[1])) return res.status(400).end();
  res.send(fs.readFileSync(REPOS + '/' + m[1] + '/info'));
});

app.get('/resolved', (req, res) => {
  const file = req.query.file;
  if (/\.\.|^\//.test(file)) return res.status(400).end();
  fs.readFile(path.resolve(REPOS, file), (err, data) => res.end(data));
});

app.get('/named', (req, res) => {
  const file = req.query.file;
  if (!/^[\w.-]+$/.test(file)) return res.status(400).end();
  fs.readFile(path.resolve(REPOS, file), (err, data) => res.end(data));
});

app.get('/checked-both', (req, res) => {
  const file = req.query.file;
  if (file.includes('..') || path.isAbsolute(file)) return res.status(400).end();
  fs.readFile(path.resolve(REPOS, file), (err, data) => res.end(data));
});
