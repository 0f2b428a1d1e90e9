// examples also for: code/js-prototype-key-write
const _ = require('lodash');
const express = require('express');
const app = express();
const settings = {};

function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object') {
      // ruleid: code/js-prototype-pollution
      if (!target[key]) target[key] = {};
      merge(target[key], source[key]);
    } else {
      // ruleid: code/js-prototype-pollution
      target[key] = source[key];
    }
  }
  return target;
}

app.post('/settings', (req, res) => {
  merge(settings, req.body);
  res.end();
});

app.post('/prefs', (req, res) => {
  const { section, name, value } = req.body;
  // ruleid: code/js-prototype-pollution
  settings[section][name] = value;
  // ruleid: code/js-prototype-pollution
  _.set(settings, req.body.path, req.body.value);
  res.end();
});

// Arrays that a recursive copy fills next, or that carry request data, stay reported.
function mergeLists(target, source) {
  for (const key in source) {
    // ruleid: code/js-prototype-key-write
    target[key] = [];
    // ruleid: code/js-prototype-key-write
    target[key] = [source[key]];
  }
  return target;
}

app.post('/lists', (req, res) => {
  res.json(mergeLists({}, req.body));
});

// A template with no fixed text before the request value can still be exactly `__proto__`.
app.post('/nested', (req, res) => {
  const store = {};
  // A second-level write is also a one-level write into `store[…]` (a scan reports the line once, at high).
  // ruleid: code/js-prototype-pollution, code/js-prototype-key-write
  store[`${req.body.section}`][req.body.name] = req.body.value;
  res.end();
});

// Fixed text made only of letters can still complete a dangerous name: 'proto' + 'type'.
app.post('/meta/:rest', (req, res) => {
  const meta = req.app.locals.meta;
  // ruleid: code/js-prototype-key-write
  meta['proto' + req.params.rest] = { copy: req.body };
  res.json(meta);
});
