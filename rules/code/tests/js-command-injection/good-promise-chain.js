// A promise chain's step that returns fixed text gives the next step fixed text; a rejection handler after
// the step is given the error, not what the step returns.
const express = require('express');
const { execSync } = require('child_process');
const db = require('./db');

const app = express();

app.get('/convert', (req, res) => {
  db.ready()
    .then(() => 'convert --version')
    // ok: code/js-command-injection
    .then((cmd) => res.send(execSync(cmd)));
});

app.get('/probe', (req, res) => {
  db.ready()
    .then(() => req.query.source)
    // ok: code/js-command-injection
    .catch((err) => execSync('logger probe-failed ' + err.code));
  res.end();
});

app.listen(3000);
