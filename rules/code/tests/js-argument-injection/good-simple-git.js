const express = require('express');
const simpleGit = require('simple-git');

const app = express();
const git = simpleGit('/srv/repos/site');

// After '--' every value is a name, never an option.
app.get('/history', async (req, res) => {
  res.json(await git.raw(['log', '--format=%H', '--', req.query.file]));
});

// The value is attached to its option.
app.get('/by', async (req, res) => {
  res.json(await git.raw(['log', `--author=${req.query.author}`]));
});

// Options objects become `--key=value`: the value never starts an argument.
app.get('/since', async (req, res) => {
  res.json(await git.log({ '--since': req.query.since }));
});

// A URL checked to be https before it is cloned.
app.post('/import', async (req, res) => {
  const url = String(req.body.url);
  if (!url.startsWith('https://')) return res.sendStatus(400);
  await simpleGit().clone(url, '/srv/repos/imported');
  res.sendStatus(201);
});

// Other objects with a `checkout` method are not simple-git.
app.post('/cart/checkout', async (req, res) => {
  res.json(await cart.checkout(req.body.items));
});
