// The application's own validator refuses a name holding `..` and answers false (lib-own-validator.js): the
// call in the condition checks the name as the `includes('..')` inside it does.
const fs = require('fs');
const path = require('path');
const express = require('express');
const lib = require('./lib-own-validator');

const app = express();
const ROOT = '/srv/files';

app.get('/delete', (req, res) => {
  const params = req.query;
  if (lib.checkName(params.name, res) === false) return;
  fs.unlinkSync(path.join(ROOT, params.name));
  res.end();
});

app.get('/read', (req, res) => {
  const name = req.query.name;
  if (!lib.checkName(name, res)) return;
  res.send(fs.readFileSync(path.join(ROOT, name)));
});

// The module's own function, called by name.
function validFolder(folder) {
  if (folder.includes('..')) throw new Error('bad folder');
  return true;
}

app.get('/list', (req, res) => {
  const folder = req.query.folder;
  if (validFolder(folder)) {
    res.json(fs.readdirSync(path.join(ROOT, folder)));
  }
});

// An async validator, awaited.
app.get('/later', async (req, res) => {
  const name = req.query.name;
  if (!(await lib.checkLater(name))) return;
  res.send(fs.readFileSync(path.join(ROOT, name)));
});
