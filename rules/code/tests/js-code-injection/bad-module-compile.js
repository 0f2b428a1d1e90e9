const express = require('express');
const Module = require('module');
const requireFromString = require('require-from-string');

const app = express();
app.use(express.json());

// A plugin posted as text, loaded as a module (the require-from-string idiom).
function loadFromText(src, filename) {
  const m = new Module(filename);
  // ruleid: code/js-code-injection
  m._compile(src, filename);
  return m.exports;
}

app.post('/plugin', (req, res) => {
  res.json(Object.keys(loadFromText(req.body.code, '/srv/plugins/posted.js')));
});

app.post('/script', (req, res) => {
  // ruleid: code/js-code-injection
  const mod = requireFromString(req.body.source);
  res.json(Object.keys(mod));
});

app.post('/expression', (req, res) => {
  const m = new module.constructor();
  // ruleid: code/js-code-injection
  m._compile(`module.exports = (${req.body.expr});`, 'expression.js');
  res.json({ value: m.exports });
});
