// An options object bound to a name and handed whole to the client: request data in its URL, or written
// into its URL afterwards, chooses where the request goes.
const axios = require('axios');
const express = require('express');
const app = express();

app.get('/hook', async (req, res) => {
  const options = { method: 'POST', url: req.query.target, params: { id: 1 } };
  // ruleid: code/js-ssrf
  const answer = await axios.request(options);
  res.json(answer.data);
});

app.get('/hook2', async (req, res) => {
  const options = { method: 'POST', params: { id: req.query.id } };
  options.url = req.query.target;
  // ruleid: code/js-ssrf
  const answer = await axios.request(options);
  res.json(answer.data);
});

app.get('/hook3', async (req, res) => {
  const { target } = req.query;
  const options = { method: 'GET', baseURL: target };
  // ruleid: code/js-ssrf
  res.json((await axios.request(options)).data);
});
