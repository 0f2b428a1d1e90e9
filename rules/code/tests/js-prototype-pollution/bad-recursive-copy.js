const express = require('express');
const app = express();
const settings = {};

// A one-level write inside a copy that calls itself: at the next level the receiver is `target[key]`, which
// under `__proto__` is Object.prototype. An arrow bound to a name and a method calling `this.x` recurse too.
const copyInto = (target, source) => {
  for (const key of Object.keys(source)) {
    if (source[key] && typeof source[key] === 'object') {
      // ruleid: code/js-prototype-pollution
      if (!target[key]) target[key] = {};
      copyInto(target[key], source[key]);
      // ruleid: code/js-prototype-pollution
    } else target[key] = source[key];
  }
};

const store = {
  assign(target, source) {
    for (const key in source) {
      if (typeof source[key] === 'object') this.assign(target[key], source[key]);
      // ruleid: code/js-prototype-pollution
      else target[key] = source[key];
    }
  }
};

app.post('/copy', (req, res) => {
  copyInto(settings, req.body);
  store.assign(settings, req.body);
  res.end();
});
