const express = require('express');
const renderer = require('../lib/renderer');
const { Page } = require('../lib/models');

const router = express.Router();

router.get('/wiki/:page', (req, res) => {
  const page = new Page(req.params.page);
  page.fetch(() => {
    res.render('show', { content: renderer.render(page.content), link: page.urlForShow() });
  });
});

router.post('/preview', (req, res) => {
  res.render('show', { content: renderer.render(req.body.text), link: '' });
});

module.exports = router;
