const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

// `+` of the query's text is still its text; `||` gives the text back when it is truthy.
app.get('/items', async (req, res) => {
  const offset = req.query.page + 1;
  // ruleid: code/js-sql-injection
  const result = await pool.query(`SELECT * FROM items OFFSET ${offset}`);
  res.json(result.rows);
});

app.get('/more', async (req, res) => {
  const limit = req.query.limit || 10 * 2;
  // ruleid: code/js-sql-injection
  const result = await pool.query('SELECT * FROM items LIMIT ' + limit);
  res.json(result.rows);
});
