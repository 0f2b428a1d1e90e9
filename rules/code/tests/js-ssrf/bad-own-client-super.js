// A class the file declares on top of an HTTP library, whose methods hand the request to the library's own
// (super.get): calling them is calling the library, with the caller's URL.
const express = require('express');
const { Axios } = require('axios');
const app = express();

class Api extends Axios {
  get(url, config) {
    return super.get(url, { timeout: 5000, ...config });
  }
}
const api = new Api();

app.get('/proxy', async (req, res) => {
  // ruleid: code/js-ssrf
  const r = await api.get(req.query.url);
  res.json(r.data);
});
