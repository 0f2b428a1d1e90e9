const express = require('express');
const app = express();
const strings = {};

// The prototype check written with double quotes (as Prettier's default and many codebases write strings) is
// the same check as with single ones: the route returns before the second-level write under `__proto__`.
app.post('/strings/:lang/:key', (req, res) => {
  const { lang, key } = req.params;
  if (lang === "__proto__" || key === "__proto__" || lang === "constructor") {
    res.redirect('/');
    return;
  }
  if (strings[lang]) strings[lang][key] = (req.body || {}).value;
  else strings[lang] = { [key]: (req.body || {}).value };
  res.end();
});

// The check written the other way round.
app.post('/labels/:lang/:key', (req, res) => {
  const { lang, key } = req.params;
  if ("__proto__" === lang) return res.status(400).end();
  if (!strings[lang]) return res.status(404).end();
  strings[lang][key] = req.body;
  res.end();
});
