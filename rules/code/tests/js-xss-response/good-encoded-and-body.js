const express = require('express');
const sqlFormatter = require('sql-formatter');
const app = express();
app.use(express.json());

// Base64 text holds no markup (redis-commander's encodeString route).
app.get('/apiv1/encode/:stringValue', (req, res) => {
  const encoded = Buffer.from(req.params.stringValue).toString('base64');
  return res.send(encoded);
});

app.get('/hex', (req, res) => {
  res.send(Buffer.from(String(req.query.v)).toString('hex'));
});

// The parsed body, destructured and sent whole, is an object: Express answers it as JSON (sqlpad's format-sql).
app.post('/api/format-sql', (req, res) => {
  const { body } = req;
  body.query = sqlFormatter.format(body.query);
  res.send(body);
});
