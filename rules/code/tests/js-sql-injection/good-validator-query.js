const express = require('express');
const { validate } = require('./validate');
const validator = require('./openapi-validator');

const app = express();

// A schema validator's `query` checks a request's query parameters against the API's schema; it runs no SQL.
app.get('/resources/:type', (req, res) => {
  try {
    validate.query(req.params.type, undefined, req.method, req.query);
    validator.validation.query(req.params.type, req.query);
  } catch (e) {
    return res.status(400).json({ message: e.message });
  }
  res.json([]);
});
