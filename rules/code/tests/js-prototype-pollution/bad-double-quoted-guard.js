const express = require('express');
const app = express();
const strings = {};

// A check of the other key protects nothing: `lang` = `__proto__` makes `strings[lang]` Object.prototype, and
// the second-level write pollutes every object, whichever quotes the check of `key` uses.
app.post('/strings/:lang/:key', (req, res) => {
  const { lang, key } = req.params;
  if (key === "__proto__") return res.status(400).end();
  if (!strings[lang]) return res.status(404).end();
  // ruleid: code/js-prototype-pollution
  strings[lang][key] = (req.body || {}).value;
  res.end();
});
