const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/uploads';

app.get('/download', (req, res) => {
  const file = path.join(BASE, req.query.name);
  // ruleid: code/js-path-traversal
  fs.createReadStream(file).pipe(res);
});

app.get('/report/:id', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(`/srv/reports/${req.params.id}`);
});

app.get('/file/*', (req, res) => {
  const options = { dotfiles: 'deny' };
  // ruleid: code/js-path-traversal
  res.sendFile(req.params[0], options);
});

app.post('/notes', async (req, res) => {
  const { title, text } = req.body;
  // ruleid: code/js-path-traversal
  await fs.promises.writeFile(path.resolve(BASE, title + '.txt'), text);
  res.end();
});
