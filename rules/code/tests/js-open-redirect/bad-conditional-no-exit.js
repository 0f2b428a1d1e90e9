const express = require('express');
const { isLocalUrl } = require('./url-utils');

const app = express();

// A conditional expression never leaves the function: a `throw` or `return` in a callback on its failing
// branch runs later or elsewhere, and the redirect after it is still sent.
app.get('/go', (req, res) => {
  const next = req.query.next;
  !isLocalUrl(next) ? setImmediate(() => { throw new Error('refused ' + next); }) : null;
  // ruleid: code/js-open-redirect
  res.redirect(next);
});
