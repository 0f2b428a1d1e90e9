const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');
const mongoose = require('mongoose');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const docs = client.db('app').collection('docs');

// `ObjectId.isValid` is true only for a 12-character string, 24 hex digits, a number or an ObjectId: a JSON
// body's `{ "$ne": null }` is refused, so where it holds the filter is an equality test on one id.
app.post('/docs/get', async (req, res) => {
  const id = req.body.id;
  if (ObjectId.isValid(id)) {
    const doc = await docs.findOne({ _id: id });
    return res.json(doc);
  }
  res.status(400).end();
});

app.post('/docs/remove', async (req, res) => {
  const { id } = req.body;
  if (!mongoose.isValidObjectId(id)) return res.status(400).end();
  await docs.deleteOne({ _id: id });
  res.end();
});

app.post('/docs/owner', (req, res) => {
  const owner = req.body.owner;
  if (!mongoose.Types.ObjectId.isValid(owner)) return res.status(400).end();
  docs.find({ owner }).toArray((err, list) => res.json(list));
});
