const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const docs = client.db('app').collection('docs');

// The check on the wrong side: where `isValid` is false the value may be an object with operators.
app.post('/docs/get', async (req, res) => {
  const id = req.body.id;
  if (!ObjectId.isValid(id)) {
    // ruleid: code/js-nosql-injection
    const doc = await docs.findOne({ _id: id });
    return res.json(doc);
  }
  res.status(400).end();
});

// Another value checked than the one in the filter.
app.post('/docs/owner', async (req, res) => {
  const { id, owner } = req.body;
  if (!ObjectId.isValid(id)) return res.status(400).end();
  // ruleid: code/js-nosql-injection
  const list = await docs.find({ _id: id, owner }).toArray();
  res.json(list);
});

// A failing check that only logs: the query runs either way.
app.post('/docs/remove', async (req, res) => {
  const id = req.body.id;
  if (!ObjectId.isValid(id)) console.warn('not an id', id);
  // ruleid: code/js-nosql-injection
  await docs.deleteOne({ _id: id });
  res.end();
});
