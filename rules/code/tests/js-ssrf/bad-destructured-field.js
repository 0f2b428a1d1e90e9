// A helper that takes its options apart in its parameter list: the name a caller fills with request data
// is reported, and so is request data before a URL's `?`.
const express = require('express');
const app = express();

async function verify({ token, api }) {
  // ruleid: code/js-ssrf
  return fetch(api, { method: 'POST', body: token });
}

const probe = async ({ host, path }) => {
  // ruleid: code/js-ssrf
  return fetch(`${host}?path=${path}`);
};

app.post('/verify', async (req, res) => {
  await verify({ token: 'fixed', api: req.body.callback });
  await probe({ host: req.body.host, path: '/status' });
  res.end();
});

app.get('/search', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await fetch(req.query.base + '?q=' + encodeURIComponent(req.query.q));
  res.json(await r.json());
});
