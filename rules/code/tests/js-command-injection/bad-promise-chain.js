// A promise chain's step returns request data from its closure: the next step receives what it returns.
const express = require('express');
const { execSync } = require('child_process');
const db = require('./db');

const app = express();

app.get('/convert', (req, res) => {
  db.ready()
    .then(() => req.query.file)
    // ruleid: code/js-command-injection
    .then((file) => res.send(execSync('convert ' + file)));
});

app.get('/probe', (req, res) => {
  db.ready()
    .then(function () {
      const source = req.query.source;
      return source.trim();
    })
    .then(function (source) {
      // ruleid: code/js-command-injection
      res.send(execSync('ffprobe ' + source));
    });
});

app.listen(3000);
