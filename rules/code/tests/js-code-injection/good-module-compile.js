const express = require('express');
const fs = require('fs');
const path = require('path');
const Module = require('module');
const requireFromString = require('require-from-string');

const app = express();
app.use(express.json());
const PLUGINS = { upper: 'module.exports = (s) => s.toUpperCase();' };

// The program's own module text, chosen by a fixed table.
app.post('/plugin', (req, res) => {
  const src = PLUGINS[req.body.name] ? PLUGINS.upper : 'module.exports = (s) => s;';
  const m = new Module('plugin.js');
  m._compile(src, 'plugin.js');
  res.json({ value: m.exports(String(req.body.text)) });
});

// A module file of the program's own folder.
const own = path.join(__dirname, 'helpers.js');
const helpers = new Module(own);
helpers._compile(fs.readFileSync(own, 'utf8'), own);

app.post('/script', (req, res) => {
  const mod = requireFromString('module.exports = 42;');
  res.json({ value: mod, text: req.body.text });
});
