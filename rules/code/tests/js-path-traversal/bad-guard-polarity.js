const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/files';
const ALLOWED = new Set(['a.txt', 'b.txt']);
const seen = new Set();

// The check's failing side: the name is read exactly when it is not one of the known names.
app.get('/cache/:name', (req, res) => {
  const name = req.params.name;
  if (!seen.has(name)) {
    seen.add(name);
    // ruleid: code/js-path-traversal
    return res.send(fs.readFileSync(BASE + '/' + name));
  }
  res.status(304).end();
});

// Leaving when the name IS allowed lets every other name through.
app.get('/raw/:name', (req, res) => {
  const name = req.params.name;
  if (ALLOWED.has(name)) return res.redirect('/files/' + name);
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(BASE, name)));
});

// A rejection check's own branch: the name holds `..` there.
app.get('/dl', (req, res) => {
  const file = req.query.file;
  if (file.includes('..')) {
    // ruleid: code/js-path-traversal
    console.error('refused', fs.statSync(path.join(BASE, file)));
    return res.status(400).end();
  }
  res.end();
});

// The else branch of an allow-list check.
app.get('/doc', (req, res) => {
  const doc = req.query.doc;
  if (ALLOWED.has(doc)) {
    res.sendFile(path.join(BASE, doc));
  } else {
    // ruleid: code/js-path-traversal
    res.sendFile(path.join(BASE, 'other', doc));
  }
});

// The allow-list's passing side rewrites the name: a name not on the list is still read as given.
app.get('/tpl/:name', (req, res) => {
  let name = req.params.name;
  if (ALLOWED.has(name)) {
    name = name.toLowerCase();
  }
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(BASE, name)));
});

// The check leaves only in one method's branch: the other methods reach the read with the name unchecked.
app.all('/g/:name', (req, res) => {
  const name = req.params.name;
  if (req.method === 'DELETE') {
    if (!ALLOWED.has(name)) return res.status(404).end();
  }
  // ruleid: code/js-path-traversal
  res.send(fs.readFileSync(path.join(BASE, name)));
});
