// The helper of another module builds the path from the configured folder and sanitised names: the path it
// returns is clean, although the object passed to it holds request data in the fields it sanitises.
const fs = require('fs');
const express = require('express');
const { get_filepath } = require('./lib-options-fields');

const app = express();
const config = { content_dir: '/srv/content' };

app.post('/category', (req, res) => {
  fs.mkdir(get_filepath({ content: config.content_dir, category: req.body.category }), () => res.end());
});

app.post('/page', (req, res) => {
  const parts = req.body.file.split('/');
  const options = { content: config.content_dir, category: parts[1], filename: parts[2] };
  fs.writeFile(get_filepath(options), req.body.content, () => res.end());
});
