const express = require('express');
const renderer = require('../lib/renderer');

const router = express.Router();

router.post('/notice', (req, res) => res.render('notice', { content: renderer.render(req.body.text) }));
router.post('/digest', (req, res) => res.render('digest', { html: renderer.render(req.body.text) }));
router.post('/welcome', (req, res) => res.render('welcome', { greeting: renderer.render(req.body.text) }));

module.exports = router;
