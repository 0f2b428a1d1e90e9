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
