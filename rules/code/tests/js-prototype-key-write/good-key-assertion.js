const express = require('express');
const app = express();

function checkPrototypePollution(key) {
  if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new Error(`Invalid key ${key}`);
}

// A form's dotted field names set into a nested object, each key first given to a check named for it whose
// result is not used (it throws): `__proto__`, `constructor` and `prototype` never reach the write.
function deepSet(object, keys, value) {
  let current = object;
  for (let i = 0; i < keys.length - 1; i += 1) {
    const key = keys[i];
    checkPrototypePollution(key);
    current[key] = current[key] || {};
    current = current[key];
  }
  const last = keys[keys.length - 1];
  assertSafeKey(last);
  current[last] = { ...value };
}

function assertSafeKey(key) {
  if (['__proto__', 'constructor', 'prototype'].includes(key)) throw new TypeError('unsafe key');
}

app.post('/form', (req, res) => {
  const out = {};
  for (const [name, value] of Object.entries(req.body)) deepSet(out, name.split('.'), { value });
  res.json(out);
});
