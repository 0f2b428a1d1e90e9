// A regular expression's exec over the server's own configuration, and a request group placed after a fixed
// host: nothing from the request chooses the host fetched.
const express = require('express');
const app = express();
const config = { upstream: 'https://api.example.com/v1' };
app.get('/status', async (req, res) => {
  const base = /^(https:\/\/[^/]+)/.exec(config.upstream);
  const response = await fetch(base[1] + '/status');
  res.send(await response.text());
});
app.get('/item', async (req, res) => {
  const id = /id=(\d+)/.exec(req.url);
  const response = await fetch('https://api.example.com/items/' + id[1]);
  res.send(await response.text());
});
// A method named exec on something that is not a regular expression returns no part of its argument.
app.get('/query', async (req, res) => {
  const row = await db.exec(req.query.sql);
  const response = await fetch(row.url);
  res.send(await response.text());
});
app.listen(8080);
