// A helper that reads one field of its options object: request data in another field (a header, a body)
// does not choose where the request goes.
const axios = require('axios');
const express = require('express');
const app = express();
const BASE = 'https://registry.example.com';

function fetchFrom(options) {
  return axios.get(BASE + options.path, { headers: options.headers });
}

app.get('/package', async (req, res) => {
  const r = await fetchFrom({ path: '/-/ping', headers: { 'x-requested-by': req.query.user } });
  res.json(r.data);
});

class Client {
  request(options) {
    return fetch(BASE + options.uri, { method: options.method || 'GET', body: options.body });
  }
  publish(body) {
    return this.request({ uri: '/-/publish', method: 'PUT', body });
  }
}

const client = new Client();

app.post('/publish', async (req, res) => {
  await client.publish(JSON.stringify(req.body));
  res.end();
});
