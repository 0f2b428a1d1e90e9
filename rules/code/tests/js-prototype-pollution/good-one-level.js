const express = require('express');
const app = express();
const prefs = {};

// One level outside a recursive copy: `prefs.__proto__ = value` replaces that one object's prototype and
// never reaches Object.prototype (code/js-prototype-key-write reports it, at low).
app.post('/prefs', (req, res) => {
  prefs[req.body.key] = req.body.value;
  res.json(prefs);
});

// A loop that copies one level and calls another function, not itself, is no recursive copy.
function copyTop(target, source) {
  for (const key in source) target[key] = source[key];
  return finish(target);
}
function finish(o) {
  return o;
}
app.post('/top', (req, res) => res.json(copyTop({ theme: 'x' }, req.body)));

// A function that calls itself to build a new value, not to write into the object it was given: each level
// writes into its own fresh `out`, which is never Object.prototype.
function escapeAll(val) {
  if (val && typeof val === 'object') {
    const out = {};
    Object.entries(val).forEach(([k, v]) => {
      out[k] = escapeAll(v);
    });
    return out;
  }
  return String(val);
}
app.get('/escaped', (req, res) => res.json(escapeAll(req.query)));
