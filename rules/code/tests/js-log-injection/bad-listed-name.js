const express = require('express');
const app = express();

const installed = [];
const byName = (name) => (entry) => entry.name === name;

// The lookup's answer is not what decides: the name is logged either way.
app.post('/remove/:name', (req, res) => {
  const name = req.params.name;
  const known = installed.find(byName(name));
  // ruleid: code/js-log-injection
  console.warn(`${name}: removing`);
  res.json(known ? 'removing' : 'removing an unknown module');
});

// A lookup that only marks its miss.
app.post('/update/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.find((p) => p.package.name === name)) res.set('x-unknown', '1');
  // ruleid: code/js-log-injection
  console.log('updating ' + name);
  res.end();
});

// A predicate from a factory not named for equality: a listed name followed by a line break passes it.
const startsLike = (name) => (entry) => name.startsWith(entry.name);
app.post('/install/:name', (req, res) => {
  const name = req.params.name;
  if (!installed.some(startsLike(name))) return res.status(404).end();
  // ruleid: code/js-log-injection
  console.log('installing ' + name);
  res.end();
});
