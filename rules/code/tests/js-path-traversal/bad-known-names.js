const path = require('path');
const express = require('express');
const app = express();
const themes = new Map();

// A membership test of another value guards nothing: the name checked is not the one joined.
app.get('/themes/:theme', (req, res) => {
  if (!themes.has(req.query.fallback)) return res.status(404).end();
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(__dirname, 'themes', req.params.theme));
});

