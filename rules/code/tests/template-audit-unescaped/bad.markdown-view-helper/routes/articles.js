const express = require('express');
const renderer = require('../lib/renderer');

const router = express.Router();

// A helper that renders the view it is handed: the word 'article' below reaches a render through it.
function page(rs, view, data) {
  rs.render(view, data);
}

router.post('/articles', (req, res) => res.render('article', { content: renderer.render(req.body.text) }));
router.get('/articles/raw', (req, res) => page(res, 'article', { content: req.query.html }));

module.exports = router;
