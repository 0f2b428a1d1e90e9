const express = require('express');
const router = express.Router();

router.get('/reader.js', (req, res) => {
  const html = String(req.query.html || '');
  var context = {
    embedCode: JSON.stringify(html.match(/.{1,8191}/g) || ''),
    uri: JSON.stringify(req.query.uri),
    version: '1',
    options: { lazy: true },
  };
  res.renderCached('reader.ejs', context, { 'Content-Type': 'text/javascript' });
});

router.get('/widget.js', (req, res) => {
  res.type('application/javascript');
  res.render('widget', { config: JSON.stringify({ id: req.query.id, theme: req.query.theme }) });
});

router.get('/panel.js', (req, res) => {
  res.type('js');
  res.render('panel', { state: JSON.stringify(req.query), count: 3 });
});

module.exports = router;
