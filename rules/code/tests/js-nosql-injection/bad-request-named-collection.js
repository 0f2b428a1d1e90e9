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

// A collection per tenant, its name composed around the route's value: the program's own users, and the login
// filter is the program's, which an operator widens.
app.post('/t/:tenant/login', async (req, res) => {
  // ruleid: code/js-nosql-injection
  const user = await client.db('app').collection(`users_${req.params.tenant}`).findOne({ name: req.body.name });
  res.json({ ok: !!user });
});

// A collection the request names, but a filter the program writes: it narrows what the caller reads.
app.post('/db/:c/mine', async (req, res) => {
  const mine = client.db('app').collection(req.params.c);
  // ruleid: code/js-nosql-injection
  res.json(await mine.find({ owner: req.body.owner }).toArray());
});

// A console binds `coll` to the collection the route names…
app.post('/db/:c/find', async (req, res) => {
  const coll = client.db('app').collection(req.params.c);
  res.json(await coll.find(req.body).toArray());
});

// …and another handler binds the same name to the program's own collection.
app.post('/sessions', async (req, res) => {
  const coll = client.db('app').collection('sessions');
  // ruleid: code/js-nosql-injection
  res.json(await coll.findOne(req.body));
});

// A helper given the request that composes the collection's name: the program's own collection per tenant.
function tenantUsers(req) {
  return client.db('app').collection('users_' + req.params.tenant);
}

app.post('/t/:tenant/find', async (req, res) => {
  const users = tenantUsers(req);
  // ruleid: code/js-nosql-injection
  res.json(await users.findOne(req.body));
});

function lookupTenant(user) {
  return user.tenant;
}
