const express = require('express');
const app = express();

// A lone `/` followed by the user's value makes `//evil.example`, another site.
app.get('/a', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('/' + req.query.next);
});

app.get('/b', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(['/', req.query.next].join(''));
});

app.get('/c', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect(`/${req.query.next}`);
});

// `/\evil.example` is read as `//evil.example` by browsers.
app.get('/d', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect('/\\' + req.query.host);
});

// The user's value comes first: the literal after it does not help.
app.get('/e', (req, res) => {
  // ruleid: code/js-open-redirect
  res.redirect([req.query.next, './'].join(''));
});
