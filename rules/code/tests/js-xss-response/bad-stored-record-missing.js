// Where the lookup found nothing, the id is the client's own text; a lookup by another field (a name the
// client may have stored) says nothing of markup.
const express = require('express');
const app = express();

app.get('/api/chatflows/:id', async (req, res) => {
  const chatflow = await dataSource.getRepository(ChatFlow).findOneBy({
    id: req.params.id,
  });
  if (chatflow) return res.json(chatflow);
  // ruleid: code/js-xss-response
  return res.status(404).send(`Chatflow ${req.params.id} not found`);
});

app.get('/api/public/:id', async (req, res) => {
  const chatflow = await dataSource.getRepository(ChatFlow).findOneBy({ id: req.params.id });
  if (chatflow && chatflow.isPublic) return res.json(chatflow);
  else if (chatflow && !chatflow.isPublic) return res.status(401).send('Unauthorized');
  // ruleid: code/js-xss-response
  return res.status(404).send(`Chatflow ${req.params.id} not found`);
});

app.get('/api/pages/:name', async (req, res) => {
  const page = await pages.findOneBy({ name: req.params.name });
  if (!page) return res.status(404).end();
  // ruleid: code/js-xss-response
  res.send(`<h1>${req.params.name}</h1>`);
});

app.get('/api/items/:id', async (req, res) => {
  const item = await Item.findById(req.params.id);
  // ruleid: code/js-xss-response
  if (!item) return res.status(404).send(`no item ${req.params.id}`);
  res.json(item);
});
