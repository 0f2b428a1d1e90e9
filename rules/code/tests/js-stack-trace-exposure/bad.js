const express = require('express');
const app = express();

app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    // ruleid: code/js-stack-trace-exposure
    res.status(500).send(err.stack);
  }
});

app.get('/orders', async (req, res) => {
  try {
    res.json(await loadOrders());
  } catch (e) {
    // ruleid: code/js-stack-trace-exposure
    res.json(e);
  }
});
