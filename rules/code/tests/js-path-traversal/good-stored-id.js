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
