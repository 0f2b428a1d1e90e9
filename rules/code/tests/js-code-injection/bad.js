const vm = require('vm');
const express = require('express');
const app = express();

app.post('/calc', (req, res) => {
  const expr = req.body.expression;
  // ruleid: code/js-code-injection
  res.json({ result: eval('(' + expr + ')') });
});

app.get('/filter', (req, res) => {
  // ruleid: code/js-code-injection
  const pred = new Function('item', `return ${req.query.where};`);
  res.json([].filter(pred));
});

app.post('/sandbox', (req, res) => {
  const code = req.body.code;
  // ruleid: code/js-code-injection
  res.json(vm.runInNewContext(code, {}));
});

const math = require('mathjs');
app.post('/formula', (req, res) => {
  // ruleid: code/js-code-injection
  res.json({ value: math.evaluate(req.body.formula) });
});
