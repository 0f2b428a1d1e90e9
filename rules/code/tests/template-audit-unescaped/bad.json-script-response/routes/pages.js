const express = require('express');
const router = express.Router();

router.get('/', (req, res) => {
  res.render('page', { state: JSON.stringify({ q: req.query.q }) });
});

router.get('/quoted.js', (req, res) => {
  res.type('js');
  res.render('quoted', { uri: JSON.stringify(req.query.uri) });
});

router.get('/raw.js', (req, res) => {
  res.set('Content-Type', 'text/javascript');
  res.render('raw', { uri: req.query.uri });
});

router.get('/written.js', (req, res) => {
  const data = { extra: JSON.stringify('x') };
  data.extra = req.query.extra;
  res.type('js');
  res.render('written', data);
});

router.get('/other.js', (req, res) => {
  other.type('js');
  res.render('other-type', { data: JSON.stringify(req.query) });
});

router.get('/locals-header.js', (req, res) => {
  res.render('locals-header', { 'Content-Type': 'text/javascript', state: JSON.stringify(req.query) });
});

router.get('/retyped.js', (req, res) => {
  res.type('js');
  res.set('Content-Type', 'text/html');
  res.render('retyped', { state: JSON.stringify(req.query) });
});

router.get('/callback.js', (req, res) => {
  res.type('js');
  res.render('callback', { state: JSON.stringify(req.query) }, (err, text) => res.type('html').send(text));
});

router.get('/multiline.js', (req, res) => {
  res.type('js');
  res.render('multiline', { name: JSON.stringify(req.query.name), title: JSON.stringify(req.query.title) });
});

module.exports = router;
