const _ = require('lodash');
const express = require('express');
const app = express();

// A set by path stores the value whole at the end of a path the program wrote: the request's object
// becomes `settings.vessel.name`, and a `__proto__` key in it is that object's own.
app.put('/vessel', (req, res) => {
  const settings = {};
  _.set(settings, 'vessel.name', req.body.name);
  _.setWith(settings, ['vessel', 'extra'], req.body, Object);
  res.json(settings);
});
