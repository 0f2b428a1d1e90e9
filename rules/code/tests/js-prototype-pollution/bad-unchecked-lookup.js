// examples also for: code/js-prototype-key-write
const express = require('express');
const _ = require('lodash');

// A lookup whose result is not required, or one that matches another field, leaves the key the sender's.
const config = { queues: [] };
const cache = {};
const app = express();

app.get('/a/:host/:name', (req, res) => {
  const { host, name } = req.params;
  const found = _.find(config.queues, { hostId: host });
  // ruleid: code/js-prototype-key-write
  cache[name] = cache[name] || {};
  // ruleid: code/js-prototype-pollution
  cache[name][host] = found;
  res.end();
});

app.get('/b/:host/:name', (req, res) => {
  const { host, name } = req.params;
  const q = _.find(config.queues, { hostId: host });
  if (!q) return res.sendStatus(404);
  // ruleid: code/js-prototype-key-write
  cache[name] = cache[name] || {};
  // ruleid: code/js-prototype-pollution
  cache[name][host] = q;
  res.end();
});

// Inside the branch where the lookup found nothing, the key is anything the sender wrote.
app.get('/c/:host', (req, res) => {
  const { host } = req.params;
  const known = _.find(config.queues, { hostId: host });
  if (!known) {
    // ruleid: code/js-prototype-key-write
    cache[host] = cache[host] || {};
  }
  res.end();
});
