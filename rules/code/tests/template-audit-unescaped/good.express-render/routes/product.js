const express = require('express');
const config = require('../config.json');

const router = express.Router();

// Every variable the new-product page sees is in this object: nothing else fills the view.
router.get('/admin/product/new', (req, res) => {
  res.render('product_new', {
    title: '<b>New product</b>',
    productTitle: req.session.productTitle,
  });
});

// A view name built at run time ends with `checkout`: it cannot be product_new.
router.get('/checkout', (req, res) => {
  res.render(`${config.themeViews}checkout`, { cart: req.session.cart });
});

module.exports = router;
