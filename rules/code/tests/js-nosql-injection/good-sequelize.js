const express = require('express');
const { UserModel } = require('./models/user');

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const user = await UserModel.findOne({ where: { email: req.body.email, password: req.body.password } });
  res.json({ ok: !!user });
});

app.get('/users/:id', async (req, res) => {
  const user = await UserModel.findOne({ _id: req.params.id });
  res.json(user);
});
