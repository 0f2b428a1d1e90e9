const express = require('express');
const app = express();

function assertSafeKey(key) {
  if (['__proto__', 'constructor', 'prototype'].includes(key)) throw new TypeError('unsafe key');
}

// A check covers the key of the function it runs in. One at the top of the module, or in a function around a
// callback that declares a `key` of its own, says nothing of the key the callback later reads from the request.
const key = process.env.DEFAULT_SETTING || 'theme';
assertSafeKey(key);

function setOption(options, req) {
  const key = req.params.option;
  // ruleid: code/js-prototype-key-write
  options[key] = { ...options[key], ...req.body };
}

app.post('/settings', (req, res) => {
  const store = res.locals.settings;
  const key = req.body.name;
  // ruleid: code/js-prototype-key-write
  store[key] = { ...req.body.value };
  res.json(store);
});

function registerPreferences(router, prefs, key) {
  assertSafeKey(key);
  prefs[key] = prefs[key] || {};
  router.post('/prefs', (req, res) => {
    const key = req.query.group;
    // ruleid: code/js-prototype-key-write
    prefs[key] = { ...prefs[key], ...req.body };
    res.sendStatus(204);
  });
}

registerPreferences(app, app.locals, 'general');

app.put('/options/:option', (req, res) => {
  setOption(app.locals.options, req);
  res.sendStatus(204);
});
