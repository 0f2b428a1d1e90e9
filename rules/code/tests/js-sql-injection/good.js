const express = require('express');
const { Pool } = require('pg');

const app = express();
const pool = new Pool();

app.get('/users', async (req, res) => {
  const id = req.query.id;
  const result = await pool.query('SELECT * FROM users WHERE id = $1', [id]);
  res.json(result.rows);
});

app.get('/page', async (req, res) => {
  const limit = parseInt(req.query.limit, 10);
  const result = await pool.query(`SELECT * FROM items LIMIT ${limit}`);
  res.json(result.rows);
});

app.get('/sorted', async (req, res) => {
  const column = 'created_at';
  const result = await pool.query('SELECT * FROM items ORDER BY ' + column);
  res.json(result.rows);
});

app.get('/search', (req, res) => {
  const params = new URLSearchParams(req.url);
  res.json(params.get('q'));
});

function countRows(db, table) {
  return db.query('SELECT count(*) FROM ' + table);
}
countRows(pool, 'users');

// A key-value store (ueberDB, as Etherpad uses it) reads by key: no SQL to inject into.
app.get('/p/:id', (req, res) => {
  db.get(`readonly2pad:${req.params.id}`, (err, padId) => res.json({ padId }));
});

// A key-value store's read (ueberDB, LevelDB, Keyv): the key held in a variable is no SQL text.
app.get('/export/:pad', async (req, res) => {
  const padKey = `pad:${req.params.pad}`;
  res.json(await db.get(padKey));
});

// A full-text search index (reds over Redis, lunr) takes search words: no SQL to inject into.
app.get('/job/search', (req, res) => {
  getSearch()
    .query(req.query.q)
    .end((err, ids) => res.json(ids));
});
app.get('/docs/search', (req, res) => {
  res.json(searchIndex.query(req.query.q));
});

// A prepared statement (better-sqlite3, sqlite3's Statement) takes bind parameters: the SQL is fixed.
const userDb = {
  createUser(username, passwordHash) {
    const stmt = db.prepare('INSERT INTO users (username, password_hash) VALUES (?, ?)');
    return stmt.run(username, passwordHash);
  },
};
app.post('/register', (req, res) => {
  res.json(userDb.createUser(req.body.username, req.body.hash));
});
app.get('/sqlite/user', (req, res) => {
  res.json(database.prepare('SELECT * FROM users WHERE id = ?').all(req.query.id));
});

// A helper that takes the connection first: the SQL is constant and the value bound, or the first argument is
// no database handle (a cache's `execute(cache, key)`).
const { execute, query } = require('sql-helpers');

app.post('/categories/:id', async (req, res) => {
  await execute(pool, 'UPDATE category SET url_key = $1 WHERE id = $2', [req.body.url_key, req.params.id]);
  await execute(cache, `category:${req.params.id}`);
  res.json(await query(redis, `tags:${req.query.tag}`));
});
