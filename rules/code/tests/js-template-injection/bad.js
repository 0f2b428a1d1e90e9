const ejs = require('ejs');
const express = require('express');
const app = express();

app.get('/greet', (req, res) => {
  const tpl = '<h1>Hello ' + req.query.name + '</h1>';
  // ruleid: code/js-template-injection
  res.send(ejs.render(tpl, {}));
});
