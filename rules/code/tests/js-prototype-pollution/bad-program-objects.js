// examples also for: code/js-prototype-key-write
const _ = require('lodash');
const $ = require('jquery');
const express = require('express');
const app = express();
const settings = {};

// A call given the request's path can return `settings.__proto__`, Object.prototype itself.
app.post('/at', (req, res) => {
  const node = _.get(settings, req.body.path);
  // ruleid: code/js-prototype-key-write
  node[req.body.key] = { enabled: true };
  res.end();
});

// A copy of the request's entries into a target it was given, and a deep jQuery extend, stay reported.
function copyInto(target, source) {
  for (const key in source) {
    // ruleid: code/js-prototype-key-write
    target[key] = source[key];
  }
}

app.post('/deep', (req, res) => {
  copyInto(settings[req.query.group], req.body);
  // ruleid: code/js-prototype-pollution
  $.extend(true, {}, settings, req.body);
  // ruleid: code/js-prototype-pollution
  _.merge(settings, req.body);
  res.end();
});

// Helpers inside a factory: one handed `settings[group]`, one that walks its parameter down a path.
module.exports = (state) => {
  const router = express.Router();
  function assign(target, source) {
    for (const key of Object.keys(source)) {
      // ruleid: code/js-prototype-key-write
      target[key] = { value: source[key] };
    }
  }
  function setPath(obj, keys) {
    for (const k of keys.slice(0, -1)) obj = obj[k];
    // ruleid: code/js-prototype-key-write
    obj[keys[keys.length - 1]] = { on: true };
  }
  router.post('/:group', (req, res) => {
    assign(state[req.params.group], req.body);
    setPath(state, req.body.path.split('.'));
    res.end();
  });
  return router;
};

// The same helper handed `settings[group]` through a name first: `group` is `__proto__`, the receiver is
// Object.prototype, and the one-level write copies the body's keys onto every object.
module.exports.update = (store) => {
  function apply(target, values) {
    for (const k in values) {
      // ruleid: code/js-prototype-key-write
      target[k] = values[k];
    }
  }
  return (req, res) => {
    const group = store[req.params.group] || {};
    apply(group, req.body);
    res.json(group);
  };
};

// The name assigned (not declared) from a subscript in a block around the call, and the call inside a
// callback of that block: the receiver is still `store[group]`, Object.prototype under `__proto__`.
module.exports.patch = (store) => {
  function copyInto(target, values) {
    for (const k in values) {
      // ruleid: code/js-prototype-key-write
      target[k] = values[k];
    }
  }
  return (req, res) => {
    let group;
    group = store[req.params.group];
    [req.body].forEach((values) => copyInto(group, values));
    res.json(group);
  };
};
