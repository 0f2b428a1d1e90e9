const express = require('express');
const app = express();
const store = {};

// `a || b` can be the user's object: under the key __proto__ it becomes the prototype's fields.
app.post('/save', (req, res) => {
  const value = req.body.value || {};
  // ruleid: code/js-prototype-pollution
  store[req.body.group][req.body.key] = value;
  res.end();
});

// A variable assigned something other than an array (here the request's own object) gives its keys.
app.post('/copy', (req, res) => {
  const target = {};
  let list = req.body.items;
  list.forEach(function (v, k) {
    // ruleid: code/js-prototype-pollution
    target[k][v.name] = v.value;
  });
  res.json(target);
});
