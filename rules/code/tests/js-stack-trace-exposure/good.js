const express = require('express');
const app = express();

app.get('/items', async (req, res) => {
  try {
    res.json(await loadItems());
  } catch (err) {
    console.error(err.stack);
    res.status(500).json({ error: 'internal error' });
  }
});
