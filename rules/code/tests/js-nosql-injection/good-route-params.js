const express = require('express');
const mongoose = require('mongoose');
const User = require('./models/user');
const app = express();
mongoose.connect(process.env.MONGO_URL);
app.use(express.json());

// Route parameters are path segments, always strings, also when destructured (sqlpad's users route).
app.put('/api/users/:_id', async (req, res) => {
  const { params } = req;
  const user = await User.findOneById(params._id);
  res.json(user);
});

User.findOneById = (id) => User.findOne({ _id: id });
