// A name cleaned in a `try` whose `catch` leaves, then replaced under a condition: every value that reaches
// the read is clean or fixed.
const fs = require('fs');
const path = require('path');
const express = require('express');
const sanitizeFilename = require('sanitize-filename');
const app = express();
const BASE = '/srv/files';

app.get('/s/:name', (req, res) => {
  let name = req.params.name;
  try {
    name = sanitizeFilename(name);
  } catch (err) {
    return res.status(400).end();
  }
  if (req.query.latest) name = 'latest.txt';
  res.send(fs.readFileSync(path.join(BASE, name)));
});
