const express = require('express');
const MarkdownIt = require('markdown-it');
const renderer = require('../lib/renderer');

const router = express.Router();
// markdown-it's default options: html is off, so raw HTML in the text is escaped.
const md = new MarkdownIt({ linkify: true, typographer: true });

router.post('/preview', (req, res) => {
  res.render('preview', { content: renderer.render(req.body.data) });
});

router.get('/wiki/:name', (req, res) => {
  if (req.params.name === 'preview') return res.redirect('/');
  res.render('preview', { content: renderer.render('# ' + req.params.name), title: req.params.name });
});

router.post('/note', (req, res) => {
  res.render('note', { rendered: md.render(String(req.body.text)) });
});

module.exports = router;
