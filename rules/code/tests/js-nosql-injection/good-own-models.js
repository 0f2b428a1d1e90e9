const express = require('express');
// An application whose models are its own, over an SQL database (Saltcorn's `Table.findOne({ name })`):
// it names no MongoDB client anywhere, so `findOne` of a request value is no MongoDB filter.
const Table = require('@saltcorn/data/models/table');
const User = require('@saltcorn/data/models/user');
const app = express();
app.use(express.json());

app.get('/table', async (req, res) => {
  const table = Table.findOne({ name: req.query.table });
  res.json(table ? table.name : null);
});

app.post('/users/save', async (req, res) => {
  const user = await User.findOne({ id: req.body.id });
  await user.update({ email: req.body.email });
  res.json({ ok: true });
});
