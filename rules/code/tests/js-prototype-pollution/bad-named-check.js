const _ = require('lodash');
const express = require('express');
const app = express();

// The check is asked, and its answer ignored on the path that writes.
app.put('/data/*', (req, res) => {
  const data = {};
  const dataPath = req.params[0].replace(/\//g, '.');
  if (isPrototypePollutionPath(dataPath)) console.warn('suspicious path');
  // ruleid: code/js-prototype-pollution
  _.set(data, dataPath, req.body);
  res.json(data);
});

// A safe-key check that lets the write through only when it fails.
app.put('/settings/:key', (req, res) => {
  const settings = {};
  if (utils.isSafeKey(req.params.key)) return res.status(204).end();
  // ruleid: code/js-prototype-pollution
  _.set(settings, req.params.key, req.body);
  res.json(settings);
});

// The path comes from the request: `__proto__.polluted` walks into Object.prototype.
app.put('/vessel', (req, res) => {
  const settings = {};
  // ruleid: code/js-prototype-pollution
  _.set(settings, req.query.path, req.body);
  res.json(settings);
});
