const express = require('express');
const fs = require('fs');
const app = express();

// The promise is rejected with text that holds the request's value; the handler sends it as the body.
const loadOne = (dir, name) =>
  new Promise((resolve, reject) => {
    fs.readFile(`${dir}/${name.replace(/[./\\]/g, '')}.pbf`, (err, data) => {
      if (err) reject(`Font load error: ${name}`);
      else resolve(data);
    });
  });

function loadAll(dir, names) {
  const queue = [];
  for (const name of names.split(',')) queue.push(loadOne(dir, name));
  return Promise.all(queue).then((parts) => Buffer.concat(parts));
}

app.get('/fonts/:stack', (req, res) => {
  loadAll('/srv/fonts', decodeURI(req.params.stack)).then(
    (data) => res.send(data),
    // ruleid: code/js-xss-response
    (err) => res.status(400).send(err),
  );
});

function parseId(id) {
  return new Promise((resolve, reject) => {
    if (!/^\d+$/.test(id)) reject(`Not a number: ${id}`);
    else resolve(Number(id));
  });
}

app.get('/item', (req, res) => {
  parseId(req.query.id)
    .then((n) => res.json({ n }))
    // ruleid: code/js-xss-response
    .catch((message) => res.send(message));
});

app.get('/echo', (req, res) => {
  // ruleid: code/js-xss-response
  res.status(404).send('No page named ' + req.query.page);
});
