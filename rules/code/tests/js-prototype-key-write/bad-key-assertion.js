const express = require('express');
const app = express();

function checkPrototypePollution(key) {
  if (key === '__proto__') throw new Error(`Invalid key ${key}`);
}

// A check made after the write, or of another value, or a call not named for checking keys, protects nothing.
function deepSet(object, keys, value) {
  let current = object;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = keys[i];
    // ruleid: code/js-prototype-key-write
    current[key] = current[key] || {};
    checkPrototypePollution(key);
    current = current[key];
  }
  const last = keys[keys.length - 1];
  checkPrototypePollution(keys[0]);
  logKey(last);
  // ruleid: code/js-prototype-key-write
  current[last] = { ...value };
}

function logKey(key) {
  console.log(key);
}

app.post('/form', (req, res) => {
  const out = {};
  for (const [name, value] of Object.entries(req.body)) deepSet(out, name.split('.'), { value });
  res.json(out);
});
