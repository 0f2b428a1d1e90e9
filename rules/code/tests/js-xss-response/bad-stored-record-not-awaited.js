// A lookup that is not awaited holds a promise (TypeORM) or a query (Mongoose), always truthy: the check never
// fails, so the id that reaches the reply is whatever text the client sent.
const express = require('express');
const app = express();

app.get('/api/items/:id', async (req, res) => {
  const item = Item.findById(req.params.id);
  if (!item) return res.status(404).send('not found');
  // ruleid: code/js-xss-response
  res.send(`<h1>Item ${req.params.id}</h1>`);
});

app.get('/api/chatflows/:id', async (req, res) => {
  const chatflow = dataSource.getRepository(ChatFlow).findOneBy({ id: req.params.id });
  if (!chatflow) return res.status(404).send('Chatflow not found');
  // ruleid: code/js-xss-response
  res.status(500).send(`Error in chatflow ${req.params.id}`);
});
