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
