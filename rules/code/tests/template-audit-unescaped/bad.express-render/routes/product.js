const express = require('express');

const router = express.Router();

// res.locals fills what the render's own object does not name: the banner comes from the request.
router.use((req, res, next) => {
  res.locals.banner = req.query.banner;
  next();
});

router.get('/admin/product/new', (req, res) => {
  res.render('product_new', { title: 'New product' });
});

module.exports = router;
