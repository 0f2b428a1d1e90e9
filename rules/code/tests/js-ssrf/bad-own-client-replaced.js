// The file's own client object, whose methods are then replaced by an HTTP library's (a property assigned,
// Object.assign): the call may be the library's.
const express = require('express');
const axios = require('axios');
const app = express();

const api = {
  get(id) {
    return Promise.resolve({ id });
  },
};
if (process.env.LIVE) api.get = axios.get;

const client = {
  post(id) {
    return Promise.resolve({ id });
  },
};
Object.assign(client, axios);

app.get('/get', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await api.get(req.query.url);
  res.json(r.data);
});

app.post('/post', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await client.post(req.query.url, {});
  res.json(r.data);
});
