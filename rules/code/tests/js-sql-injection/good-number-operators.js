const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

// An offset computed with `-` and `*` is a number whatever the query string held.
app.get('/items', async (req, res) => {
  const size = req.query.size | 0;
  const offset = (req.query.page - 1) * size;
  const result = await pool.query(`SELECT * FROM items LIMIT ${size} OFFSET ${offset}`);
  res.json(result.rows);
});
