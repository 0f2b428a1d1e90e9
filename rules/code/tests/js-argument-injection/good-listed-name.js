// examples also for: code/js-log-injection
const { spawn } = require('child_process');
const express = require('express');
const app = express();

const installed = [];
const byName = (name) => (entry) => entry.name === name;

function remove(name) {
  console.warn(`${name}: removing`);
  spawn('npm', ['remove', name]);
}

// The name must be one the program lists before it is used: a lookup that fails answers 404.
app.post('/remove/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.find(byName(name)) && !installed.some(byName(name))) {
    res.status(404).json('no such module');
  } else {
    remove(name);
    res.json('removing');
  }
});

// The same with the predicate written in place, the lookup kept in a name tested for truth.
app.post('/update/:name', (req, res) => {
  const name = req.params.name;
  const match = installed.find((p) => p.package.name === name);
  if (!match) return res.status(404).end();
  console.log('updating ' + name);
  spawn('npm', ['update', name]);
  res.end();
});
