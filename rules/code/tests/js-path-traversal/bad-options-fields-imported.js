// The helpers of another module given request data in a field they return unsanitised, in the second of
// the fields they join, or in an object whose fields are not known at the call.
const fs = require('fs');
const express = require('express');
const { get_filepath, join_fields } = require('./lib-options-fields');

const app = express();
const config = { content_dir: '/srv/content', category: 'docs' };

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
