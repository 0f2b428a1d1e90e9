const express = require('express');
const mongoose = require('mongoose');
const User = require('./models/user');
const app = express();
mongoose.connect(process.env.MONGO_URL);

app.post('/login', async (req, res) => {
  const username = String(req.body.username);
  const user = await User.findOne({ username, active: true });
  res.json({ ok: !!user });
});

app.get('/users/:id', async (req, res) => {
  const user = await User.findOne({ email: { $eq: req.query.email } });
  res.json(user);
});

app.get('/tags', (req, res) => {
  const tags = ['a', 'b'];
  res.json(tags.find((t) => t === req.query.tag));
});
