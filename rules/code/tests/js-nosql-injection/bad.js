const express = require('express');
const mongoose = require('mongoose');
const User = require('./models/user');
const app = express();
mongoose.connect(process.env.MONGO_URL);
app.use(express.json());

app.post('/login', async (req, res) => {
  const { username, password } = req.body;
  // ruleid: code/js-nosql-injection
  const user = await User.findOne({ username, password });
  res.json({ ok: !!user });
});

app.get('/orders', async (req, res) => {
  // ruleid: code/js-nosql-injection
  const orders = await req.app.locals.db.collection('orders').find({ $where: `this.owner == '${req.query.owner}'` }).toArray();
  res.json(orders);
});
