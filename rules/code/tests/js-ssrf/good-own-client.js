// A client object the file defines itself, whose methods fix the host: calling api.get(…) with request
// data is a call of that method, which requests a path on a fixed host, not an HTTP library's get(url).
const express = require('express');
const app = express();
const BASE = 'https://api.example.com';

const api = {
  get(id) {
    return fetch(`${BASE}/users/${encodeURIComponent(id)}`);
  },
};

class Client {
  request(path) {
    return fetch('https://status.example.com/' + path);
  }
  check(name) {
    return this.request(name);
  }
}
const client = new Client();

app.get('/user', async (req, res) => {
  const r = await api.get(req.query.id);
  res.json(await r.json());
});

app.get('/status', async (req, res) => {
  const r = await client.request(req.query.component);
  res.send(String(r.status));
});
