const express = require('express');

const app = express();

app.get('/v1/meta', async (req, res) => {
  // ruleid: code/js-request-prototype-builtin
  if (req.query.hasOwnProperty('extended')) {
    res.json(await loadMeta(true));
    return;
  }
  res.json(await loadMeta(false));
});

app.post('/v1/items', async function (req, res, next) {
  // ruleid: code/js-request-prototype-builtin
  const enumerable = req.body.propertyIsEnumerable('draft');
  res.json(await saveItem(req.body, enumerable));
});

async function loadMeta(extended) {
  return { extended };
}

async function saveItem(item, draft) {
  return { item, draft };
}

module.exports = app;

// A throw in the catch, or in a try with no catch, still rejects the handler's promise.
app.get('/v1/plan', async (req, res) => {
  try {
    res.json(await loadMeta(true));
  } catch (err) {
    // ruleid: code/js-request-prototype-builtin
    res.status(400).json({ dry: req.query.hasOwnProperty('dryrun') });
  }
});

app.get('/v1/flags', async (req, res) => {
  try {
    // ruleid: code/js-request-prototype-builtin
    res.json(await loadMeta(req.query.hasOwnProperty('dryrun')));
  } finally {
    res.end();
  }
});

// A route method of a router reached through a member (`api.router.get`) gets the promise itself.
const api = { router: express.Router() };
api.router.get('/v1/jobs', async (req, res) => {
  // ruleid: code/js-request-prototype-builtin
  res.json(await loadMeta(req.query.hasOwnProperty('all')));
});
