// The same helper given request data in the field it returns unsanitised, or in every field it reads.
const fs = require('fs');
const path = require('path');
const sanitize = require('sanitize-filename');
const express = require('express');

const app = express();
const config = { content_dir: '/srv/content', category: 'docs' };

function get_filepath(p) {
  var filepath = p.content;
  if (p.category) filepath += '/' + sanitize(p.category);
  return path.normalize(filepath);
}

function join_fields(p) {
  return path.join(p.root, p.name);
}

app.post('/category', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.mkdir(get_filepath({ content: req.body.dir, category: config.category }), () => res.end());
});

app.post('/page', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile(join_fields({ root: config.content_dir, name: req.body.name }), (e, d) => res.send(d));
});

app.post('/whole', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile(get_filepath(req.body), (e, d) => res.send(d));
});
