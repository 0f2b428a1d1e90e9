// The file's own client object whose methods hand their arguments to an HTTP library's function as a value
// (arguments, .call, .apply): no sink is written inside them, so the call itself is the library's.
const express = require('express');
const axios = require('axios');
const app = express();

const api = {
  get() {
    return axios.get.apply(axios, arguments);
  },
  post(url, body) {
    return axios.post.call(axios, url, body);
  },
};

app.get('/get', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await api.get(req.query.url);
  res.json(r.data);
});

app.post('/post', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await api.post(req.body.url, {});
  res.json(r.data);
});
