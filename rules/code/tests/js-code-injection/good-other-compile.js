// A schema compiler's own `_compile` method (this file never names Node's module loader): the posted schema
// is data the validator reads, not code.
const express = require('express');
const { Validator } = require('./validator');

const app = express();
app.use(express.json());
const validator = new Validator();

app.post('/validate', (req, res) => {
  const check = validator._compile(req.body.schema, { strict: true });
  res.json({ valid: check(req.body.data) });
});
