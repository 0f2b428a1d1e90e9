// The file's own api object, and other bindings of the name inside its block: a destructured option, a loop
// variable. Each is whatever it is given (an HTTP library here), not the file's object.
const express = require('express');
const axios = require('axios');
const app = express();

const api = {
  get(id) {
    return Promise.resolve({ id });
  },
};

app.get('/options', async (req, res) => {
  const { api } = req.app.locals;
  // ruleid: code/js-ssrf
  const r = await api.get(req.query.url);
  res.json(r.data);
});

app.get('/mirrors', async (req, res) => {
  for (const api of [axios]) {
    // ruleid: code/js-ssrf
    await api.get(req.query.url);
  }
  res.end();
});

app.locals.api = axios;
