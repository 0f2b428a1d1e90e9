const axios = require('axios');
const express = require('express');
const app = express();
const ALLOWED = new Set(['https://hooks.example.com/a', 'https://hooks.example.com/b']);

app.get('/user', async (req, res) => {
  const r = await axios.get(`https://api.example.com/users/${encodeURIComponent(req.query.id)}`);
  res.json(r.data);
});

app.post('/hook', async (req, res) => {
  const url = req.body.url;
  if (!ALLOWED.has(url)) return res.status(400).end();
  await fetch(url, { method: 'POST' });
  res.end();
});

app.get('/repo', async (req, res) => {
  const r = await fetch('https://api.github.com/repos/' + req.query.repo);
  res.json(await r.json());
});
