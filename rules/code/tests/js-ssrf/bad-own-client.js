// A client object the file defines itself: the request it makes is reported once, at the fetch inside its
// method, with the path through the call (the call api.get(…) is this method, not an HTTP library's get).
const express = require('express');
const app = express();

const api = {
  get(url) {
    // ruleid: code/js-ssrf
    return fetch(url, { headers: { accept: 'application/json' } });
  },
};

class Client {
  post(target, body) {
    // ruleid: code/js-ssrf
    return fetch(target, { method: 'POST', body });
  }
}
const client = new Client();

app.get('/preview', async (req, res) => {
  const r = await api.get(req.query.url);
  res.json(await r.json());
});

app.post('/hook', async (req, res) => {
  await client.post(req.body.callback, '{}');
  res.end();
});

// Bound to the file's own object, then replaced by an HTTP library: the call may be the library's get.
let httpClient = { get: (u) => Promise.resolve(u) };
if (process.env.REAL_HTTP) httpClient = require('axios');

app.get('/fetch', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await httpClient.get(req.query.url);
  res.json(r.data);
});

// A parameter of the same name is whatever the caller passes (an HTTP library here), not the file's api object.
function preview(api, req) {
  // ruleid: code/js-ssrf
  return api.get(req.query.url);
}

app.get('/shadowed', async (req, res) => {
  const r = await preview(require('axios'), req);
  res.json(r.data);
});
