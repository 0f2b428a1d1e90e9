const express = require('express');
const renderer = require('../lib/renderer');

const router = express.Router();
router.post('/note', (req, res) => res.render('note', { rendered: renderer.render(req.body.text) }));

module.exports = router;
