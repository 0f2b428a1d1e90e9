const _ = require('lodash');
const express = require('express');
const app = express();

// A predicate the application names for refusing prototype keys, asked before the write.
function isPrototypePollutionPath(p) {
  return p.split('.').some((part) => ['__proto__', 'constructor', 'prototype'].includes(part));
}

app.put('/data/*', (req, res) => {
  const data = {};
  const dataPath = req.params[0].replace(/\//g, '.');
  if (isPrototypePollutionPath(dataPath)) {
    res.status(400).send('invalid path');
    return;
  }
  _.set(data, dataPath, req.body);
  res.json(data);
});

app.put('/settings/:key', (req, res) => {
  const settings = {};
  if (!utils.isSafeKey(req.params.key)) return res.status(400).end();
  _.set(settings, req.params.key, req.body);
  res.json(settings);
});
