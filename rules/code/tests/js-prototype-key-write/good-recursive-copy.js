const express = require('express');
const app = express();
const settings = {};

// A recursive copy is prototype pollution proper (code/js-prototype-pollution, high): not this rule's.
function merge(target, source) {
  for (const key in source) {
    if (typeof source[key] === 'object') {
      if (!target[key]) target[key] = {};
      merge(target[key], source[key]);
    } else target[key] = source[key];
  }
}
const copyInto = (target, source) => {
  for (const key of Object.keys(source)) {
    if (typeof source[key] === 'object') copyInto(target[key], source[key]);
    else target[key] = source[key];
  }
};
const store = {
  assign(target, source) {
    for (const key in source) {
      if (typeof source[key] === 'object') this.assign(target[key], source[key]);
      else target[key] = source[key];
    }
  }
};
app.post('/copy', (req, res) => {
  merge(settings, req.body);
  copyInto(settings, req.body);
  store.assign(settings, req.body);
  res.end();
});
