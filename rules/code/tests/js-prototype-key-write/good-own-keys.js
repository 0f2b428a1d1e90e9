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
