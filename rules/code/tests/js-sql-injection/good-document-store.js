const express = require('express');
const PouchDB = require('pouchdb');

// A CouchDB-compatible server over PouchDB: `query` runs a map/reduce view named by the route
// (`ddoc/view`) or a temporary view's function. The application names no SQL client and writes no SQL
// text anywhere, so no `query` of it runs SQL.
const app = express();
app.use(express.json());
const dbs = new Map();
const dbOf = (name) => dbs.get(name) || dbs.set(name, new PouchDB(name)).get(name);

app.get('/:db/_design/:id/_view/:view', (req, res) => {
  const view = req.params.id + '/' + req.params.view;
  dbOf(req.params.db).query(view, { ...req.query }, (err, out) => res.json(err || out));
});

app.post('/:db/_temp_view', (req, res) => {
  dbOf(req.params.db).query(req.body, { reduce: false }, (err, out) => res.json(err || out));
});

app.listen(5984);
