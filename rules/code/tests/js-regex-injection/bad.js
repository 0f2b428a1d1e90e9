const express = require('express');
const app = express();

app.get('/search', (req, res) => {
  // ruleid: code/js-regex-injection
  const re = new RegExp('^' + req.query.prefix);
  res.json(['alpha', 'beta'].filter((s) => re.test(s)));
});
