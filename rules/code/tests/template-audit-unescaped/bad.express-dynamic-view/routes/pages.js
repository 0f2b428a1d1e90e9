const express = require('express');

const router = express.Router();

router.get('/product/new', (req, res) => {
  res.render('product_new', { title: 'New product' });
});

// The same view rendered under a name built at run time, with the request's options.
router.get('/:kind/new', (req, res) => {
  res.render(`${req.params.kind}_new`, { options: req.body.options });
});

// Any view, with the request's notice.
router.get('/page/:view', (req, res) => {
  res.render(req.params.view, { notice: req.query.notice });
});

module.exports = router;
