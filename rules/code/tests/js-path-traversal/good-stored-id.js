const fs = require('fs/promises');
const path = require('path');
const express = require('express');
const app = express();
const TMP = '/var/tmp/uploads';

// The id must first name a stored upload (its _id was generated when the upload began); else 400.
app.post('/upload/end', async (req, res) => {
  const id = req.query.id;
  const upload = await req.db.collection('uploads').findOne({ _id: id });
  if (!upload) {
    return res.status(400).send({ name: 'invalid' });
  }
  const data = await fs.readFile(path.join(TMP, `${id}-0.tmp`));
  res.send(data);
});

// A guard's result held in a name first, then tested.
app.get('/files/:name', async (req, res) => {
  const target = path.resolve(TMP, req.params.name);
  const inside = target.startsWith(TMP + path.sep);
  if (!inside) return res.status(400).end();
  res.send(await fs.readFile(target));
});

// The id only selects a stored record; the path is the record's own (`posts.get(id).source`).
const posts = new Map();
app.post('/posts/:id/move', async (req, res) => {
  const post = posts.get(req.params.id);
  if (!post) return res.status(404).end();
  await fs.rm(post.source);
  res.end();
});
