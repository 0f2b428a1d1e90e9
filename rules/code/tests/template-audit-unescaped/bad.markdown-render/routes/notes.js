const express = require('express');
const markdownit = require('markdown-it');
const container = require('markdown-it-container');
const plain = require('../lib/plain');
const unsafe = require('../lib/unsafe');
const mixed = require('../lib/mixed');
const sanitizing = require('../lib/sanitizing');
const drafts = require('../lib/drafts');

const router = express.Router();
const withHtml = markdownit({ html: true });
const common = markdownit('commonmark');
const extended = markdownit();
extended.use(container, 'warning');

router.post('/plain', (req, res) => res.render('plain', { rendered: plain.render(req.body.text) }));
router.post('/unsafe', (req, res) => res.render('unsafe', { rendered: unsafe.render(req.body.text) }));
router.post('/mixed', (req, res) => res.render('mixed', { rendered: mixed.render(req.body.text, req.body.raw) }));
router.post('/html', (req, res) => res.render('html-on', { rendered: withHtml.render(req.body.text) }));
router.post('/common', (req, res) => res.render('commonmark', { rendered: common.render(req.body.text) }));
router.post('/plugin', (req, res) => res.render('plugin', { rendered: extended.render(req.body.text) }));
// The same template rendered a second time with a stored draft as it is.
router.post('/twice', (req, res) => res.render('twice', { rendered: sanitizing.render(req.body.text) }));
router.get('/twice-draft', (req, res) => res.render('twice', { rendered: drafts.latest() }));
// Given by res.locals, not by the render's own data.
router.post('/locals', (req, res) => {
  res.locals.rendered = req.body.text;
  res.render('locals', { title: sanitizing.render('# Notes') });
});

module.exports = router;

// A view whose name another module exports (lib/views.js), rendered there with the stored draft.
router.post('/exported', (req, res) => res.render('exported', { rendered: sanitizing.render(req.body.text) }));
router.get('/exported-draft', (req, res) => res.render(require('../lib/views').draft, { rendered: drafts.latest() }));

// marked sanitizing, with a link renderer of its own; markdown-it given a plugin by another module.
const linked = require('../lib/linked');
const shared = require('../lib/shared-md');
require('../lib/plugins');

router.post('/linked', (req, res) => res.render('linked', { rendered: linked.render(req.body.text) }));
router.post('/shared', (req, res) => res.render('shared', { rendered: shared.render(req.body.text) }));
