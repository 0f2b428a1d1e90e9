// An options object filled under a key the request names (`opts[key] = value`, `{ [key]: value }`): the key
// may be `url`, so a read of opts.url is the request's value. A variable key is not a field named `key`.
const express = require('express');
const app = express();

app.get('/set', async (req, res) => {
  const opts = {};
  const key = req.query.key;
  opts[key] = req.query.value;
  // ruleid: code/js-ssrf
  const r = await fetch(opts.url);
  res.send(String(r.status));
});

function fetchWith(options) {
  // ruleid: code/js-ssrf
  return fetch(options.url);
}

app.get('/option', async (req, res) => {
  const options = {};
  const name = req.query.name;
  options[name] = req.query.value;
  await fetchWith(options);
  res.end();
});

function fetchLiteral(options) {
  // ruleid: code/js-ssrf
  return fetch(options.url);
}

app.get('/literal', async (req, res) => {
  const field = req.query.field;
  await fetchLiteral({ [field]: req.query.value });
  res.end();
});
