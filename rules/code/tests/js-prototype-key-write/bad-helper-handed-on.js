const express = require('express');
const app = express();
const settings = {};

// A helper declared in a handler and handed on by name (`[…].forEach(mark)`) can be given any receiver,
// `settings[group]` included, which is Object.prototype under `__proto__`: its write stays reported although
// its one direct call passes a plain value.
app.post('/mark/:group', (req, res) => {
  function mark(target) {
    // ruleid: code/js-prototype-key-write
    target[req.body.flag] = { on: true };
  }
  mark(res.locals);
  [settings[req.params.group]].forEach(mark);
  res.end();
});
