// `tokens.find(…)` calls the program's own module, whose `find` hands the filter to NeDB's `findOne`: the call
// is a database filter as much as the `findOne` inside (`?key[$ne]=x` matches any token).
const mongoose = require('mongoose');
const tokens = require('./lib-token-store');
const express = require('express');

mongoose.connect(process.env.MONGO_URL);

const app = express();

app.get('/check', (req, res) => {
  // ruleid: code/js-nosql-injection
  tokens.find({ token: req.query.key }, (err, token) => res.json({ ok: Boolean(token) }));
});
