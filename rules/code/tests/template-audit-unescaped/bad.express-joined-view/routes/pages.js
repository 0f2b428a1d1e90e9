const express = require('express');

const router = express.Router();

router.get('/product/new', (req, res) => {
  res.render('product_new', { title: 'New product' });
});

// The same view rendered under a name joined at run time ('product_' + 'new'), with the request's options.
router.post('/product/:kind', (req, res) => {
  res.render('product_' + req.params.kind, { options: req.body.options });
});

module.exports = router;
