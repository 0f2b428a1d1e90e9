// Replies only a PUT, PATCH or DELETE request gets: no link or form sends those methods, and a cross-site
// fetch with them needs a CORS preflight, so no page of another site can have the browser render them.
const express = require('express');
const app = express();

app.put('/files/:name', (req, res) => {
  res.end('Your file ' + req.params.name + ' was saved');
});

app.delete('/notes', function (req, res) {
  res.send('Deleted ' + req.query.title);
});

function upload(req, res, next) {
  if (/PUT/.test(req.method)) {
    store(req, function () {
      res.end('Saved to ' + req.query.folder);
    });
    return;
  }
  next();
}

function rename(req, res) {
  if (req.method === 'PATCH') {
    res.send('Renamed to ' + req.body.name);
  }
}

function store(req, done) {
  done();
}

module.exports = { app, upload, rename };
