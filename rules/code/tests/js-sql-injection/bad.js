const express = require('express');
const { Pool } = require('pg');
const mysql = require('mysql2');

const app = express();
const pool = new Pool();
const conn = mysql.createConnection({});

app.get('/users', async (req, res) => {
  const id = req.query.id;
  const sql = 'SELECT * FROM users WHERE id = ' + id;
  // ruleid: code/js-sql-injection
  const result = await pool.query(sql);
  res.json(result.rows);
});

app.post('/search', (req, res) => {
  const { name, sort } = req.body;
  // ruleid: code/js-sql-injection
  conn.query(`SELECT * FROM items WHERE name LIKE '%${name}%' ORDER BY ${sort}`, (err, rows) => res.json(rows));
});

function findOrders(customer) {
  return `SELECT * FROM orders WHERE customer = '${customer}'`;
}

app.get('/orders', async (r, res) => {
  const q = findOrders(r.params.customer.trim());
  // ruleid: code/js-sql-injection
  res.json(await pool.query(q));
});

function runReport(db, filter) {
  // ruleid: code/js-sql-injection
  return db.query('SELECT * FROM report WHERE ' + filter);
}

app.get('/report', (req, res) => runReport(pool, req.query.filter).then((r) => res.json(r.rows)));

async function listUsers(knex, ctx) {
  // ruleid: code/js-sql-injection
  return knex('users').whereRaw(`name = '${ctx.request.query.name}'`);
}
module.exports = { listUsers };

app.get('/sqlite/:id', (req, res) => {
  // ruleid: code/js-sql-injection
  db.get(`SELECT * FROM pads WHERE id = '${req.params.id}'`, (err, row) => res.json(row));
});

// A database handle named for search still runs the SQL written in place.
app.get('/search-db', (req, res) => {
  // ruleid: code/js-sql-injection
  searchDb.query("SELECT * FROM docs WHERE title LIKE '%" + req.query.q + "%'").then((r) => res.json(r.rows));
});

// A statement prepared from SQL text built with request data: `prepare`'s own argument is the query.
app.get('/sqlite/by-name', (req, res) => {
  // ruleid: code/js-sql-injection
  res.json(db.prepare(`SELECT * FROM users WHERE name = '${req.query.name}'`).all());
});
app.post('/sqlite/rename', (req, res) => {
  // ruleid: code/js-sql-injection
  const stmt = db.prepare('UPDATE users SET name = ? WHERE id = ' + req.body.id);
  res.json(stmt.run(req.body.name));
});
// A statement handle not set from `prepare` here is not taken for one: its SQL may be the argument.
app.post('/sqlite/exec', (req, res) => {
  // ruleid: code/js-sql-injection
  stmt.run('DELETE FROM users WHERE id = ' + req.body.id);
  res.end();
});

// A query helper of a package the scan does not read, taking the connection first and the SQL second
// (`execute(pool, sql)` of a query-builder package, a project's `query(client, text)` wrapper).
const { execute } = require('sql-helpers');

app.post('/categories/:id', async (req, res) => {
  // ruleid: code/js-sql-injection
  await execute(pool, `UPDATE category SET url_key = '${req.body.url_key}' WHERE id = ${req.params.id}`);
  res.json({ ok: true });
});

app.get('/tags', async (req, res) => {
  const where = 'WHERE name = ' + "'" + req.query.tag + "'";
  // ruleid: code/js-sql-injection
  res.json(await query(dbPool, 'SELECT * FROM tags ' + where));
});
