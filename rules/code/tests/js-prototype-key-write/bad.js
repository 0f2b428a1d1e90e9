const express = require('express');
const app = express();
const prefs = {};

app.post('/prefs', (req, res) => {
  // ruleid: code/js-prototype-key-write
  prefs[req.body.key] = req.body.value;
  res.json(prefs);
});

// A copy that calls another function, not itself, writes one level only.
function copyTop(target, source) {
  // ruleid: code/js-prototype-key-write
  for (const key in source) target[key] = source[key];
  return finish(target);
}
function finish(o) {
  return o;
}
app.post('/top', (req, res) => res.json(copyTop(prefs, req.body)));

// A function that calls itself to build a new value: one level into its own fresh `out` at each level.
function escapeAll(val) {
  if (val && typeof val === 'object') {
    const out = {};
    Object.entries(val).forEach(([k, v]) => {
      // ruleid: code/js-prototype-key-write
      out[k] = escapeAll(v);
    });
    return out;
  }
  return String(val);
}
app.get('/escaped', (req, res) => res.json(escapeAll(req.query)));
