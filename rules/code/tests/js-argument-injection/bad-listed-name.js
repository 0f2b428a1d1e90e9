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
