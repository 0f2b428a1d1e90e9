const express = require('express');
const PouchDB = require('pouchdb');
PouchDB.plugin(require('pouchdb-find'));

// A CouchDB-compatible server: a middleware opens the database the route's `:db` names, and the Mango
// endpoint runs the client's selector on it. The client picks the database; the selector widens nothing
// the program narrowed.
const app = express();
app.use(express.json());

app.use('/:db', (req, res, next) => {
  req.db = new PouchDB(req.params.db);
  next();
});

app.post('/:db/_find', (req, res) => {
  req.db.find(req.body, (err, out) => res.json(err || out));
});

app.listen(5984);
