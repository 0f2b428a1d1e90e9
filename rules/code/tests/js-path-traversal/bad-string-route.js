// A pattern that admits a dot (`..`) or %, a parameter repeated over segments (joined with `/`), or one
// with no pattern of its own (`[^/]+?`, decoded after matching: %2f is a slash) still climbs.
const fs = require('fs');
const express = require('express');

const app = express();

app.get('/docs/:name([\\w.]+)', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile('/srv/docs/' + req.params.name, (err, data) => res.send(data));
});

app.get('/files/:rest(\\w+)*', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile('/srv/files/' + req.params.rest, (err, data) => res.send(data));
});

app.get('/raw/:id([\\w]+)/:file', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile(`/srv/raw/${req.params.id}/${req.params.file}`, (err, data) => res.send(data));
});

// Express 4's path-to-regexp (0.1.x) turns every `*` of a string route into `(.*)`, inside a parameter's
// own pattern too: `:name(\\w*)` matches `a/../../etc/passwd`.
app.get('/notes/:name(\\w*)', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.readFile('/srv/notes/' + req.params.name, (err, data) => res.send(data));
});

module.exports = app;
