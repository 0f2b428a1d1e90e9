const { spawn } = require('child_process');
const express = require('express');
const app = express();

const installed = [];
const byName = (name) => (entry) => entry.name === name;

// The lookup's answer is not what decides: the name goes on either way.
app.post('/remove/:name', (req, res) => {
  const name = req.params.name;
  const known = installed.find(byName(name));
  res.json(known ? 'removing' : 'removing an unknown module');
  // ruleid: code/js-argument-injection
  spawn('npm', ['remove', name]);
});

// A lookup that only logs its miss.
app.post('/update/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.find((p) => p.package.name === name)) res.set('x-unknown', '1');
  // ruleid: code/js-argument-injection
  spawn('npm', ['update', name]);
  res.end();
});

// A predicate from a factory not named for equality: a prefix of a listed name lets `--option` ride after it.
const startsLike = (name) => (entry) => name.startsWith(entry.name);
app.post('/install/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.some(startsLike(name))) return res.status(404).end();
  // ruleid: code/js-argument-injection
  spawn('npm', ['install', name]);
  res.end();
});
