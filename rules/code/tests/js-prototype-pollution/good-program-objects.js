// examples also for: code/js-prototype-key-write
const _ = require('lodash');
const express = require('express');
const fs = require('fs');
const CONFIG = require('./config');
const app = express();

function loadProjectConfig() {
  return JSON.parse(fs.readFileSync('projects.json', 'utf8'));
}

// The program's own table, which a call without arguments gave it, written one level under a user key with
// a record the code builds: under `__proto__` only that table's own prototype changes.
app.post('/projects/:name/rename', async (req, res) => {
  const config = await loadProjectConfig();
  config[req.params.name] = { displayName: String(req.body.displayName).trim() };
  const parsed = JSON.parse(fs.readFileSync('aliases.json', 'utf8'));
  parsed[req.body.alias] = { target: req.params.name };
  fs.writeFileSync('projects.json', JSON.stringify(config));
  res.end();
});

// A shallow copy of the query's own entries into an object the function made: Object.assign({}, query).
function providerOptionsQuery(query) {
  var options = {};
  for (var key in query) {
    if (key.length > 1 && key[0] === '_') {
      options[key] = query[key];
    }
  }
  return options;
}

// Shallow `extend` (Lodash, Underscore) copies each key once, into the target: no recursion into
// Object.prototype. A deep merge into the request's own object copies the program's defaults.
app.get('/oembed', (req, res) => {
  const linkOptions = { data: req.query, omitCss: req.query.omit_css === '1' };
  if (CONFIG.GENERATE_LINK_PARAMS) _.extend(linkOptions, CONFIG.GENERATE_LINK_PARAMS);
  _.extend(linkOptions, req.query);
  _.merge(req.body, CONFIG.defaults);
  res.json({ linkOptions, provider: providerOptionsQuery(req.query) });
});

// A helper inside the router's factory that every caller hands a record it holds: the write under the
// requested name changes that record, never Object.prototype.
module.exports = (db) => {
  const router = express.Router();
  function embed(resource, e) {
    [].concat(e).forEach((name) => {
      resource[name] = db.get(name).filter({ parentId: resource.id }).value();
    });
  }
  router.get('/posts/:id', (req, res) => {
    const element = db.get('posts').getById(req.params.id).cloneDeep().value();
    embed(element, req.query._embed);
    res.json(element);
  });
  router.get('/posts', (req, res) => {
    const list = db.get('posts').cloneDeep().value();
    list.forEach((clone) => embed(clone, req.query._embed));
    res.json(list);
  });
  return router;
};
