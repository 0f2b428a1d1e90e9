const express = require('express');
const pages = require('../lib/pages');

const router = express.Router();

router.post('/raw', (req, res) => {
  pages.page(res, 'show', { content: req.body.text, link: '' });
});

module.exports = router;
