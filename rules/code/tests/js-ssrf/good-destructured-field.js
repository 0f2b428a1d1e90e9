// A captcha check: the request's token goes into the body or the query of a request to a fixed verifier.
// Only the names a caller fills with request data carry it, and data after a URL's `?` picks no host.
const express = require('express');
const qs = require('querystring');
const app = express();

async function check({ secret, token, api, method }) {
  const query = qs.stringify({ secret, response: token });
  const url = method === 'GET' ? `${api}?${query}` : api;
  return fetch(url, method === 'GET' ? {} : { method, body: query });
}

async function lookup({ base, q }) {
  return fetch(base + '?q=' + q);
}

app.post('/comment', async (req, res) => {
  await check({
    secret: process.env.SECRET,
    token: req.body.turnstile,
    api: 'https://challenges.example.com/turnstile/v0/siteverify',
    method: 'POST',
  });
  await check({
    secret: process.env.SECRET,
    token: req.body.recaptcha,
    api: 'https://recaptcha.example.net/recaptcha/api/siteverify',
    method: 'GET',
  });
  await lookup({ base: 'https://search.example.org/api', q: req.body.q });
  res.end();
});
