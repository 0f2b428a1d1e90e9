const express = require('express');
const app = express();

// A loop over an object's own keys that rewrites them in place (a router decoding its route parameters,
// a handler trimming every field): each key is one the object already has, so the write changes that
// property (under an own `__proto__` key, that own property), never Object.prototype.
app.use((req, res, next) => {
  for (let k in req.params) {
    req.params[k] = decodeURIComponent(req.params[k]);
  }
  next();
});

app.post('/trim', (req, res) => {
  const body = req.body;
  for (const key of Object.keys(body)) body[key] = body[key].trim();
  res.json(body);
});

// The same rewrite as a callback over the object's own entries or keys (escaping every query field in place).
app.use((req, res, next) => {
  Object.entries(req.query || {}).forEach(([name, value]) => {
    req.query[name] = escapeValue(value);
  });
  Object.keys(req.params).forEach((name) => {
    req.params[name] = escapeValue(req.params[name]);
  });
  next();
});

function escapeValue(value) {
  return typeof value === 'string' ? value.replace(/[<>"']/g, '') : value;
}
