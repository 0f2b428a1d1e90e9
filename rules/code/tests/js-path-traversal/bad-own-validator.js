// Validators that leave a `..` through (lib-own-validator.js): an early `return true`, a check of something
// else, a check of another parameter, or the call's answer read the wrong way round.
const fs = require('fs');
const path = require('path');
const express = require('express');
const lib = require('./lib-own-validator');

const app = express();
const ROOT = '/srv/files';

app.get('/short', (req, res) => {
  const name = req.query.name;
  if (!lib.checkShort(name)) return;
  // ruleid: code/js-path-traversal
  fs.unlinkSync(path.join(ROOT, name));
  res.end();
});

app.get('/length', (req, res) => {
  const name = req.query.name;
  if (lib.checkLength(name) === false) return;
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

app.get('/pair', (req, res) => {
  const folder = req.query.folder;
  if (!lib.checkPair(folder, 'index.html')) return;
  // ruleid: code/js-path-traversal
  res.json(fs.readdirSync(path.join(ROOT, folder)));
});

app.get('/inverted', (req, res) => {
  const name = req.query.name;
  if (lib.checkName(name, res) === true) return;
  // ruleid: code/js-path-traversal
  fs.unlinkSync(path.join(ROOT, name));
  res.end();
});
