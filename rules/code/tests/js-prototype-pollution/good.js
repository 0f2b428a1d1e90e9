// examples also for: code/js-prototype-key-write
const express = require('express');
const app = express();
const settings = Object.create(null);
const FIELDS = ['theme', 'language'];

function merge(target, source) {
  for (const key of Object.keys(source)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    target[key] = source[key];
  }
  return target;
}

app.post('/settings', (req, res) => {
  merge(settings, req.body);
  res.end();
});

app.post('/prefs', (req, res) => {
  const { name, value } = req.body;
  if (!FIELDS.includes(name)) return res.status(400).end();
  settings[name] = value;
  res.end();
});

// Uploaded files grouped by their multipart field name: a fresh array of a variable under a user key.
app.post('/upload', (req, res) => {
  const files = {};
  for (const f of req.files) {
    if (f.fieldname in files) {
      const first = files[f.fieldname];
      files[f.fieldname] = [first, f];
    }
  }
  res.json(Object.keys(files));
});

app.get('/count', (req, res) => {
  const counts = {};
  counts[req.query.kind] = 1;
  res.json(counts);
});

// A server-chosen value under a user key: `__proto__` = 'create' changes nothing (Etherpad's webaccess).
app.get('/p/:pad', (req, res) => {
  const level = req.session.readOnly ? 'readonly' : 'create';
  req.session.user.padAuthorizations[req.params.pad] = level;
  res.end();
});

// A number under a user key: the keys of a user's sort object become numbers; none is an object to pollute.
app.get('/docs', (req, res) => {
  const sort = req.query.sort || {};
  for (const k in sort) {
    sort[k] = Number.parseInt(sort[k], 10);
  }
  res.json(sort);
});

// The index an array method passes is a number (redis-commander's parseRedisServerList): no user key.
function parseServers(servers) {
  if (Array.isArray(servers)) {
    servers.forEach(function (entry, index) {
      const tmp = String(entry).split(':');
      servers[index] = { host: tmp[0], port: parseInt(tmp[1], 10) };
    });
  }
  return servers;
}

app.post('/connect', (req, res) => {
  res.json(parseServers(req.body.sentinels));
});

app.post('/rows', (req, res) => {
  const out = {};
  req.body.rows.map((row, i) => (out[i] = { row }));
  res.json(out);
});

// A timestamp under a user key: a number is nothing to pollute through.
app.get('/topic/:topic_id', (req, res) => {
  const tid = req.params.topic_id;
  req.session.viewed = req.session.viewed || {};
  req.session.viewed[tid] = Date.now();
  res.end();
});

// Strings built by concatenation or a template are primitives too.
app.get('/labels', (req, res) => {
  const labels = {};
  labels[req.query.name] = req.query.name.charAt(0).toUpperCase() + req.query.name.slice(1);
  labels[req.query.other] = `${req.query.other}!`;
  res.json(labels);
});

// forEach over a variable that holds a split result: the key is the index it passes.
function slugParts(filename) {
  filename = filename.split('.');
  filename.forEach(function (name, idx) {
    filename[idx] = slugify(name);
  });
  return filename.join('.');
}

app.post('/upload', (req, res) => {
  res.json(slugParts(req.body.name));
});

// Keys that start with fixed text: `pad:__proto__` is an ordinary property name.
app.get('/export/:pad', async (req, res) => {
  const padKey = `pad:${req.params.pad}`;
  const records = [padKey, `${padKey}:revs:0`];
  const data = {};
  for (const key of records) {
    data[key] = await db.get(key);
  }
  data['author:' + req.query.author] = await db.get('x');
  res.json(data);
});

// A key whose fixed text has a colon, wherever it stands, cannot be __proto__, constructor or prototype.
app.get('/export/:pad', async (req, res) => {
  const data = {};
  const prefixes = await hooks(req.query.kind);
  for (const prefix of prefixes) {
    const key = `${prefix}:${req.params.pad}`;
    data[key] = await db.get(key);
  }
  res.json(data);
});
