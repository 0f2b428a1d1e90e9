// A helper builds the path from the fields of an options object: the folder from the configuration, the
// category and file name from the request, each through sanitize-filename. The path it returns is clean,
// although the object passed to it holds request data in other fields.
const fs = require('fs');
const path = require('path');
const sanitize = require('sanitize-filename');
const express = require('express');

const app = express();
const config = { content_dir: '/srv/content' };

function get_filepath(p) {
  var filepath = p.content;
  if (p.category) filepath += '/' + sanitize(p.category);
  if (p.filename) filepath += '/' + sanitize(p.filename);
  return path.normalize(filepath);
}

app.post('/category', (req, res) => {
  fs.mkdir(get_filepath({ content: config.content_dir, category: req.body.category }), () => res.end());
});

app.post('/page', (req, res) => {
  const parts = req.body.file.split('/');
  const options = { content: config.content_dir, category: parts[1], filename: parts[2] };
  fs.writeFile(get_filepath(options), req.body.content, () => res.end());
});
