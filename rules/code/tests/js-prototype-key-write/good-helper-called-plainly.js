const express = require('express');
const app = express();

// The same helper only ever called with a plain value: the receiver is the caller's own object, so the
// write sets at most that object's own prototype.
app.post('/mark', (req, res) => {
  function mark(target) {
    target[req.body.flag] = { on: true };
  }
  mark(res.locals);
  res.end();
});
