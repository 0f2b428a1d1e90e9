const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();

// Themes found at start, by name: a request picks one of them, and the file comes from the map.
const themes = new Map();
for (const name of ['dark', 'light']) {
  themes.set(name, { filename: path.join(__dirname, 'themes', `${name}.css`) });
}

function themeFile(name) {
  if (themes.has(name)) {
    return themes.get(name).filename;
  }
}

app.get('/themes/:theme.css', (req, res) => {
  const file = themeFile(req.params.theme);
  if (file === undefined) return res.status(404).end();
  res.sendFile(file);
});

const pages = new Set(['about', 'terms']);
app.get('/page/:name', (req, res) => {
  if (!pages.has(req.params.name)) return res.status(404).end();
  res.sendFile(path.join(__dirname, 'pages', req.params.name + '.html'));
});

// A predicate named for checking paths, at the top of the callback that uses them.
const utils = require('./utils');
app.post('/upload', (req, res) => {
  const dstDir = decodeURIComponent(req.query.to);
  req.busboy.on('file', (field, file, name) => {
    if (!utils.isPathSane(name) || !utils.isPathSane(dstDir)) return;
    file.pipe(require('fs').createWriteStream(path.join(__dirname, 'files', dstDir, name)));
  });
  const from = req.query.from;
  if (!isSafePath(from)) return res.status(400).end();
  res.sendFile(path.join(__dirname, 'files', from));
});

app.get('/open', (req, res) => {
  const p = path.resolve(req.query.p);
  if (!isPathInside(p, __dirname)) return res.status(403).end();
  res.sendFile(p);
});

// A check named for a file name, in the handler, before the helper that writes the file it names.
const ILLEGAL_NAME = /[/\\]/;
function checkFilename(name) {
  return name && !ILLEGAL_NAME.test(name);
}
function writeCertFile(filename, cert) {
  fs.writeFile(path.join(__dirname, 'certs', filename + '.crt'), cert, () => {});
}
app.post('/certs', (req, res) => {
  Object.keys(req.body).forEach((filename) => {
    if (!checkFilename(filename) || filename.length > 128) return;
    writeCertFile(filename, req.body[filename]);
  });
  res.end();
});
