const express = require('express');
const app = express();
const settings = {};

// A shallow merge into the object it is given: called with `settings[group]` and group `__proto__`,
// target is Object.prototype and every key the request names lands there.
function assign(target, source) {
  for (const key of Object.keys(source)) {
    // ruleid: code/js-prototype-key-write
    target[key] = source[key];
  }
}

// Declared fresh with `let`, then set to the caller's object: the write is into whatever that was.
function update(given, key, value) {
  let out = {};
  out = given;
  // ruleid: code/js-prototype-key-write
  out[key] = { copy: value };
}

app.post('/settings/:group', (req, res) => {
  assign(settings[req.params.group], req.body);
  update(settings[req.params.group], req.body.key, req.body);
  res.end();
});

// A fresh object given the request's own value: under `__proto__` the object inherits whatever the
// request sent, so it stays reported even though the receiver is local.
app.post('/prefs', (req, res) => {
  const prefs = {};
  // ruleid: code/js-prototype-key-write
  prefs[req.body.key] = req.body.value;
  res.json(prefs);
});

// A module-level `let` table later pointed at a caller's entry: the write lands wherever that was.
let table = {};
function use(group) {
  table = settings[group];
}
app.post('/table/:group', (req, res) => {
  use(req.params.group);
  // ruleid: code/js-prototype-key-write
  table[req.body.key] = { at: Date.now() };
  res.end();
});

// A fresh object's entry made an empty object and handed to a copy that fills it: under `__proto__` the
// guard finds Object.prototype, and the copy writes there. `{}` stays reported where `[]` is not.
const byGroup = {};

app.post('/groups', (req, res) => {
  // ruleid: code/js-prototype-key-write
  if (!byGroup[req.body.group]) byGroup[req.body.group] = {};
  assign(byGroup[req.body.group], req.body.values);
  res.end();
});
