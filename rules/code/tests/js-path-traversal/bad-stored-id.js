const fs = require('fs/promises');
const path = require('path');
const express = require('express');
const app = express();
const TMP = '/var/tmp/uploads';

// Looked up by another field, or the lookup's result never checked: the id is still the request's.
app.post('/upload/end', async (req, res) => {
  const id = req.query.id;
  const upload = await req.db.collection('uploads').findOne({ owner: id });
  if (!upload) return res.status(400).end();
  // ruleid: code/js-path-traversal
  const data = await fs.readFile(path.join(TMP, `${id}-0.tmp`));
  res.send(data);
});

app.post('/upload/abort', async (req, res) => {
  const id = req.query.id;
  await req.db.collection('uploads').findOne({ _id: id });
  // ruleid: code/js-path-traversal
  await fs.unlink(path.join(TMP, `${id}-0.tmp`));
  res.end();
});

// A path helper's get reads the request's own object; a lookup's default is the request's value.
const _ = require('lodash');
const axios = require('axios');
const drafts = new Map();
app.post('/drafts/save', async (req, res) => {
  // ruleid: code/js-path-traversal
  await fs.writeFile(path.join(TMP, _.get(req.body, 'draft.name')), 'x');
  // ruleid: code/js-path-traversal
  await fs.unlink(drafts.get('current', req.query.fallback));
  res.end();
});

// An HTTP client's get fetches the URL the request chose: its answer is the request's to shape.
app.post('/drafts/import', async (req, res) => {
  const name = (await axios.get(req.query.from)).data;
  // ruleid: code/js-path-traversal
  await fs.unlink(path.join(TMP, name));
  res.end();
});
