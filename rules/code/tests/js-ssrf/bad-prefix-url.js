// got and ky take their options second: `prefixUrl` (or `url`) there picks the host the path is sent to.
const got = require('got');
const ky = require('ky');
const express = require('express');
const app = express();

app.get('/proxy', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await got('status', { prefixUrl: req.query.base });
  res.send(r.body);
});

app.post('/hook', async (req, res) => {
  const { upstream } = req.body;
  // ruleid: code/js-ssrf
  await got.post('events', { prefixUrl: upstream, json: { ok: true } });
  res.end();
});

app.get('/ky', async (req, res) => {
  // ruleid: code/js-ssrf
  const data = await ky.get('v1/items', { prefixUrl: req.headers['x-origin'] }).json();
  res.json(data);
});
