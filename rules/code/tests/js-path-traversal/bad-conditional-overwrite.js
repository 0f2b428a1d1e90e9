// A value overwritten only on one side of a condition written without braces (or by `&&`): on the other
// side the request's name is read as given.
const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/files';

app.get('/a/:name', (req, res) => {
  let name = req.params.name;
  if (req.query.latest) name = 'latest.txt';
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(BASE, name)));
});

app.get('/b/:name', (req, res) => {
  let name = req.params.name;
  req.query.latest && (name = 'latest.txt');
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(BASE, name)));
});

// The `catch` of a `try` whose write failed still holds the request's name.
app.get('/c/:name', (req, res) => {
  let name = req.params.name;
  try {
    name = require('sanitize-filename')(name);
  } catch (err) {
    // ruleid: code/js-path-traversal
    fs.unlinkSync(path.join(BASE, name));
  }
  res.end();
});
