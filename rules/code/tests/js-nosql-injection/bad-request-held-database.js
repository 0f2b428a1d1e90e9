const express = require('express');
const { MongoClient } = require('mongodb');

// A database the program hangs on the request itself, under routes that do not name it: the filter is
// the client's inside the program's own database.
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);

app.use((req, res, next) => {
  req.db = client.db('shop');
  next();
});

app.post('/orders/search', async (req, res) => {
  // ruleid: code/js-nosql-injection
  res.json(await req.db.collection('orders').find(req.body).toArray());
});

app.post('/:db/find', async (req, res) => {
  // ruleid: code/js-nosql-injection
  res.json(await req.collection.find(req.body).toArray());
});

app.listen(3000);
