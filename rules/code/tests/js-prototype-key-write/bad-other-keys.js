const express = require('express');
const app = express();

// A callback over one object's entries that writes another object under those keys: the keys are the
// body's, not the query's own, so a `__proto__` entry replaces the query's prototype with a value.
app.post('/merge-query', (req, res) => {
  Object.entries(req.body).forEach(([name, value]) => {
    // ruleid: code/js-prototype-key-write
    req.query[name] = wrap(value);
  });
  res.json(req.query);
});

// Chosen fields copied into an object the caller gives, not one made here: the caller's object.
function copyFields(target, fields, row) {
  fields.split(',').forEach((f) => {
    // ruleid: code/js-prototype-key-write
    target[f] = row[f];
  });
  return target;
}

function wrap(value) {
  return { value };
}

app.get('/fields', (req, res) => res.json(copyFields(res.locals, req.query.fields, { id: 1 })));
