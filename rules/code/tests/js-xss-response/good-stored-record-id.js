// Past a lookup that must find a stored record by its id, the id is the one the application stored (a uuid),
// not markup: TypeORM's `findOneBy({ id })`, Mongoose's `findById` and a MongoDB `findOne({ _id })`.
const express = require('express');
const app = express();

app.get('/api/chatflows/:id/config', async (req, res) => {
  const chatflow = await dataSource.getRepository(ChatFlow).findOneBy({
    id: req.params.id,
  });
  if (!chatflow) return res.status(404).send('Chatflow not found');
  try {
    return res.json(JSON.parse(chatflow.config));
  } catch (e) {
    return res.status(500).send(`Error parsing the config of chatflow ${req.params.id}`);
  }
});

app.get('/api/items/:id', async (req, res) => {
  const item = await Item.findById(req.params.id);
  if (!item) return res.status(404).send('not found');
  res.send(`<h1>Item ${req.params.id}</h1>`);
});

app.get('/api/uploads/:id', async (req, res) => {
  const upload = await uploads.findOne({ _id: req.params.id });
  if (!upload) return res.status(404).end();
  res.send(`<a href="/files/${req.params.id}">download</a>`);
});
