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
