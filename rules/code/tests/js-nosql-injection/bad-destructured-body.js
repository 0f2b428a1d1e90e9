const express = require('express');
const mongoose = require('mongoose');
const User = require('./models/user');
const app = express();
mongoose.connect(process.env.MONGO_URL);
app.use(express.json());

// A JSON body destructured from the request still carries objects such as {"$ne": null}.
app.post('/api/reset', async (req, res) => {
  const { body } = req;
  // ruleid: code/js-nosql-injection
  const user = await User.findOne({ email: body.email });
  res.json({ found: !!user });
});
