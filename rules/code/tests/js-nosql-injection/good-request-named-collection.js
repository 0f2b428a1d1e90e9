const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
// A model over one database's collection (its find, aggregate and count run on that collection).
const Model = require('./models');

// A database console: the route names the database and the collection, and the body is the filter to run. The
// caller may already read every document of the collection it names (`{}` does), so an operator in the filter
// widens nothing; who may call the route is what matters (code/js-route-missing-auth, js-auth-open-by-default).
app.post('/db/:db/:collection/find', async (req, res) => {
  const docs = await client.db(req.params.db).collection(req.params.collection).find(req.body).toArray();
  res.json(docs);
});

app.post('/db/:db/:collection/count', async (req, res) => {
  const coll = client.db(req.params.db).collection(req.params.collection);
  res.json({ count: await coll.countDocuments(req.body || {}) });
});

// The same through a helper given the request, which builds the model from the route's names.
const getModel = (req) => {
  const dbName = req.params.dbName;
  const collectionName = req.params.collectionName;
  return new Model(dbName, collectionName);
};

function getCollection(request) {
  return client.db(request.params.db).collection(request.params.name);
}

app.post('/databases/:dbName/collections/:collectionName/filter', async (req, res) => {
  const model = getModel(req);
  const query = req.body || {};
  res.json(await model.find(query, req.query).toArray());
});

app.post('/databases/:dbName/collections/:collectionName/aggregate', async (req, res) => {
  const model = getModel(req);
  res.json(await model.aggregate(req.body || []).toArray());
});

app.post('/c/:db/:name', async (req, res) => {
  const coll = getCollection(req);
  res.json(await coll.findOne(req.body));
});

const modelOf = (req) => new Model(req.params.db, req.params.name);

app.post('/m/:db/:name', async (req, res) => {
  const model = modelOf(req);
  res.json(await model.aggregate(req.body).toArray());
});
