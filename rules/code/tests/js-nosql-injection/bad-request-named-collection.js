const express = require('express');
const { MongoClient } = require('mongodb');
const app = express();
app.use(express.json());
const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');

// The collection is the program's own: the body's password can be {"$ne": null}.
app.post('/login', async (req, res) => {
  // ruleid: code/js-nosql-injection
  const user = await users.findOne({ name: req.body.name, password: req.body.password });
  res.json({ ok: !!user });
});

// A collection the route names, but a helper that does not build it from the request: the filter narrows
// what the program chose, and an operator widens it.
const getModel = (req) => {
  const tenant = lookupTenant(req.user);
  return client.db(tenant).collection('orders');
};

app.post('/orders/:collection', async (req, res) => {
  const model = getModel(req);
  // ruleid: code/js-nosql-injection
  res.json(await model.findOne({ orderId: req.body.orderId }));
});

// A name that is another function's local: only the handler's own declaration counts.
app.post('/tokens/:kind', async (req, res) => {
  const coll = client.db('app').collection('tokens');
  // ruleid: code/js-nosql-injection
  res.json(await coll.findOne({ token: req.body.token }));
});

function lookupTenant(user) {
  return user.tenant;
}
