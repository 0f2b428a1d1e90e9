const express = require('express');
const mongoose = require('mongoose');
const { UserModel } = require('./models/user');

const app = express();
mongoose.connect(process.env.MONGO_URL);
app.use(express.json());

app.post('/login', async (req, res) => {
  const user = await UserModel.findOne({ where: { email: req.body.email, password: req.body.password } });
  res.json({ ok: !!user });
});

app.get('/users/:id', async (req, res) => {
  const user = await UserModel.findOne({ _id: req.params.id });
  res.json(user);
});
