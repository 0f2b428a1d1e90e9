const express = require('express');
const store = require('./store');

// The same call shapes as good-document-store.js, in an application that writes SQL text: here `query` is
// the SQL client's.
const app = express();
app.use(express.json());

app.get('/items/:kind', async (req, res) => {
  const where = "kind = '" + req.params.kind + "'";
  // ruleid: code/js-sql-injection
  const rows = await store.db.query(`SELECT id, name FROM items WHERE ${where}`);
  res.json(rows);
});

app.post('/report', async (req, res) => {
  // ruleid: code/js-sql-injection
  const rows = await store.db.query(req.body.text, { reduce: false });
  res.json(rows);
});

app.listen(3000);
