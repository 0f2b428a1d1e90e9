// Validators that leave a `..` through (lib-own-validator.js): an early `return true`, a check of something
// else, a check of another parameter, the call's answer read the wrong way round, a promise not awaited or a
// check of a value the validator made from its parameter.
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

app.get('/later', (req, res) => {
  const name = req.query.name;
  if (!lib.checkLater(name)) return;
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

app.get('/head', (req, res) => {
  const name = req.query.name;
  if (!lib.checkHead(name)) return;
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(ROOT, name)));
});
