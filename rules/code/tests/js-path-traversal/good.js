const fs = require('fs');
const path = require('path');
const express = require('express');
const app = express();
const BASE = '/srv/uploads';

app.get('/download', (req, res) => {
  const file = path.resolve(BASE, req.query.name);
  if (!file.startsWith(BASE + path.sep)) {
    return res.status(403).end();
  }
  fs.createReadStream(file).pipe(res);
});

app.get('/avatar', (req, res) => {
  fs.readFile(path.join(BASE, path.basename(req.query.file)), (err, data) => res.end(data));
});

app.get('/report/:id', (req, res) => {
  res.sendFile(req.params.id, { root: '/srv/reports' });
});

app.get('/debug/view/*', (req, res) => {
  var options = { root: path.join(__dirname, 'lib', 'debug'), dotfiles: 'deny' };
  res.sendFile(req.params[0], options, (err) => {
    if (err) res.sendStatus(404);
  });
});

app.get('/static', (req, res) => {
  fs.readFile(path.join(__dirname, 'public', 'index.html'), (err, data) => res.end(data));
});

app.get('/export/:type', (req, res, next) => {
  const type = req.params.type;
  if (['pdf', 'txt', 'html'].indexOf(type) === -1) return next();
  res.sendFile(`/tmp/export.${type}`);
});

app.get('/export2/:type', (req, res, next) => {
  if (!['pdf', 'txt', 'html'].includes(req.params.type)) return next();
  res.sendFile(`/tmp/export2.${req.params.type}`);
});
