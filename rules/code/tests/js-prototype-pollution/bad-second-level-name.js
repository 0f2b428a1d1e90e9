const express = require('express');
const app = express();
const store = {};

// A second level written through a name: with `group` = `__proto__` the name holds Object.prototype, and the
// write into it pollutes every object, as `store[group][name] = value` does.
app.post('/groups', (req, res) => {
  const { group, name, value } = req.body;
  // ruleid: code/js-prototype-pollution
  const bucket = store[group] || (store[group] = {});
  bucket[name] = value;
  res.end();
});

app.put('/sections/:section', (req, res) => {
  // ruleid: code/js-prototype-pollution
  let section = store[req.params.section];
  if (!section) return res.sendStatus(404);
  section[req.body.key] = req.body.value;
  res.end();
});
