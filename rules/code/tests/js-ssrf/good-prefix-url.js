// got and ky's options hold request data only where it does not choose the host: headers, a JSON body,
// search parameters; `prefixUrl` is the program's own.
const got = require('got');
const ky = require('ky');
const express = require('express');
const app = express();
const API = 'https://api.example.com/v2';

app.get('/items', async (req, res) => {
  const r = await got('items', {
    prefixUrl: API,
    searchParams: { q: req.query.q },
    headers: { 'accept-language': req.headers['accept-language'] },
  });
  res.send(r.body);
});

app.post('/events', async (req, res) => {
  await got.post('events', { prefixUrl: API, json: req.body });
  const data = await ky.get('v1/items', { prefixUrl: API, searchParams: req.query }).json();
  res.json(data);
});
