const express = require('express');
const { pool } = require('./db');

// The application's only SQL text is lower case, with a column written as a call and an alias (its client is
// made in another package): still SQL.
const app = express();

app.get('/top', async (req, res) => {
  // ruleid: code/js-sql-injection
  const rows = await pool.query(`select max(score) as top, name from scores where team = '${req.query.team}'`);
  res.json(rows);
});

app.listen(3000);
