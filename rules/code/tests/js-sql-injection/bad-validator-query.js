const express = require('express');
const db = require('./db');

const app = express();

// A database handle whose name merely contains the word: still a query.
app.get('/resources/:type', async (req, res) => {
  // ruleid: code/js-sql-injection
  const rows = await db.validatedPool.query(`SELECT * FROM resources WHERE type = '${req.params.type}'`);
  res.json(rows);
});
