const express = require('express');
const app = express();
const store = {};

// A name bound to an entry picked by a request key, only read: nothing is written into Object.prototype.
app.get('/groups/:group', (req, res) => {
  const bucket = store[req.params.group] || {};
  res.json(bucket[req.query.name]);
});

// A name bound to an entry that is then written under the program's own key (`bucket.count`) writes no
// property the request names; a write under a key into another object is no write into the entry.
app.post('/count', (req, res) => {
  const bucket = store[req.body.group];
  if (bucket) bucket.count = (bucket.count || 0) + 1;
  const out = {};
  out[req.body.name] = String(bucket);
  res.json(out);
});
