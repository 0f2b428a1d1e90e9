// examples also for: code/js-prototype-key-write
const express = require('express');
const app = express();

// The loop enumerates one object and writes another (a recursive copy), or writes under a key it did not
// enumerate: the key still comes from the request.
function copy(target, source) {
  for (const k in source) {
    if (typeof source[k] === 'object') {
      // ruleid: code/js-prototype-pollution
      target[k] = copy(target[k] || {}, source[k]);
    }
  }
  return target;
}

app.post('/prefs', (req, res) => {
  res.json(copy(req.session.prefs, req.body));
});

app.post('/settings', (req, res) => {
  const settings = req.session.settings;
  for (const k in settings) {
    // ruleid: code/js-prototype-key-write
    settings[req.body.name] = settings[k].with(req.body.value);
  }
  res.json(settings);
});
