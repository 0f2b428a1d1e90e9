const express = require('express');
// The models come from another file of the application; the application names MongoDB (here its
// connection string), so a request value as the filter is still a MongoDB filter.
const db = require('./db');
const Product = require('./models/product');
const app = express();
app.use(express.json());
db.connect(process.env.DATABASE_URL || 'mongodb://localhost:27017/shop');

app.post('/products/check', async (req, res) => {
  // ruleid: code/js-nosql-injection
  const n = await Product.count({ permalink: req.body.permalink });
  res.json({ taken: n > 0 });
});

app.post('/products/remove', async (req, res) => {
  // ruleid: code/js-nosql-injection
  await Product.deleteMany({ owner: req.body.owner });
  res.json({ ok: true });
});
