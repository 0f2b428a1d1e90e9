const path = require('path');
const express = require('express');
const app = express();
const API = ['list', 'get', 'save'];
const handlers = { list: require('./api/list'), get: require('./api/get') };

app.all('/api/:name', (req, res) => {
  // ok: code/js-module-injection
  const handler = handlers[req.params.name];
  if (handler) handler.call(req, res);
});

app.all('/v2/:name', (req, res) => {
  const name = req.params.name;
  if (!API.includes(name)) return res.sendStatus(404);
  // ok: code/js-module-injection
  require('./api/' + name).call(req, res);
});

app.get('/theme', (req, res) => {
  // ok: code/js-module-injection
  res.json(require(path.join(__dirname, 'themes', path.basename(req.query.theme))));
});

app.get('/plugin', (req, res) => {
  const id = req.query.id;
  if (!/^[a-z0-9-]+$/.test(id)) return res.sendStatus(400);
  // ok: code/js-module-injection
  res.json(require('./plugins/' + id));
});

const common = require('./common');
app.get('/cgi-bin/*', (req, res) => {
  if (common.existsUpPath(req.path) || !req.headers.host) return res.sendStatus(403);
  // ok: code/js-module-injection
  require(path.join(__dirname, 'cgi' + req.path) + '.js')(req, res);
});
