const express = require('express');
const app = express();

// An API dispatcher that loads the module named by the request's path: '/api/../../../tmp/x' runs any file.
app.all('/api/*', (req, res) => {
  const name = req.url.match(/\/api\/([^?]*)/)[1];
  // ruleid: code/js-module-injection
  require('./api/' + name).call(req, res);
});

app.get('/lang', async (req, res) => {
  // ruleid: code/js-module-injection
  const strings = await import(`./locales/${req.query.lang}.js`);
  res.json(strings.default);
});
