// A helper that reads one field of its options object: the field a caller fills with request data is reported.
const axios = require('axios');
const express = require('express');
const app = express();
const BASE = 'https://registry.example.com';

function fetchFrom(options) {
  // ruleid: code/js-ssrf
  return axios.get(options.url, { headers: options.headers });
}

app.get('/mirror', async (req, res) => {
  const r = await fetchFrom({ url: req.query.upstream, headers: { accept: 'application/json' } });
  res.json(r.data);
});

class Client {
  request(options) {
    // ruleid: code/js-ssrf
    return fetch(options.target + '/status', { method: options.method || 'GET' });
  }
  ping(target) {
    return this.request({ target, method: 'HEAD' });
  }
}

const client = new Client();

app.post('/ping', async (req, res) => {
  await client.ping(req.body.host);
  res.end();
});
