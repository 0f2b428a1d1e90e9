const express = require('express');
const app = express();

// A cookie header parsed into an object the function makes itself: `__proto__=x` sets at most that
// object's own prototype (to nothing, for a string), never Object.prototype.
function parseCookies(header) {
  const entries = {};
  header.split('; ').forEach((entry) => {
    const parts = entry.trim().split('=');
    entries[parts[0]] = parts[1];
  });
  return entries;
}

// A module's cache: a one-level write of a record changes only the cache.
const cache = {};

function remember(dir, stat) {
  cache[dir] = { files: {}, size: 0, mtime: stat.mtime };
}

function forget() {
  for (const k of Object.keys(cache)) delete cache[k];
}

app.get('/whoami', (req, res) => {
  const cookies = parseCookies(req.headers.cookie || '');
  res.json({ session: cookies.s });
});

app.post('/refresh', (req, res) => {
  remember(req.query.dir, { mtime: Date.now() });
  if (req.query.reset) forget();
  res.end();
});

// A module's tables declared with `let` and never pointed elsewhere, and receivers read by a fixed
// property name: a record the code builds, written one level under a user key, changes only that table.
let dirs = {};
const database = { users: {} };
const clients = {};

app.post('/mkdir', (req, res) => {
  dirs[req.body.dir] = { files: {}, size: 0, mtime: Date.now() };
  database.users[req.body.name] = { privileged: false, created: Date.now() };
  clients[req.ip].views[req.body.view] = { file: null, directory: req.body.dir };
  res.end();
});

function reset() {
  dirs = {};
}
module.exports = { reset };

// A module's own index of lists, one per folder: an empty array written one level under the key, then pushed to.
const watchersPerDir = {};

app.post('/watch', (req, res) => {
  if (!watchersPerDir[req.body.dir]) watchersPerDir[req.body.dir] = [];
  watchersPerDir[req.body.dir].push({ ip: req.ip, since: Date.now() });
  res.end();
});

// The fields a request chooses, copied from a row into an object made here under the same key: `__proto__`
// gives that fresh object the row's own prototype, never touching Object.prototype.
function pickFields(fields, row) {
  const picked = {};
  fields.split(',').forEach((f) => {
    picked[f] = row[f];
  });
  return picked;
}

app.get('/rows/:id', (req, res) => {
  res.json(pickFields(req.query.fields, { id: req.params.id, owner: { name: 'x' } }));
});
