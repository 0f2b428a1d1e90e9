// Most admin routes go through `common.restrict`; two do not (express-cart's shape).
const express = require('express');
const common = require('../lib/common');
const router = express.Router();

router.get('/admin/products', common.restrict, (req, res) => res.render('products'));
router.get('/admin/product/new', common.restrict, (req, res) => res.render('product-new'));
router.get('/admin/product/edit/:id', common.restrict, (req, res) => res.render('product-edit'));
// ruleid: code/js-route-missing-auth
router.get('/admin/products/filter/:search', (req, res) => {
  res.render('products', { results: search(req.params.search), session: req.session });
});

router.post('/admin/product/insert', common.restrict, (req, res) => insert(req.body, res));
router.post('/admin/product/update', common.restrict, (req, res) => update(req.body, res));
router.post('/admin/product/delete', common.restrict, (req, res) => remove(req.body.id, res));
// ruleid: code/js-route-missing-auth
router.post('/admin/api/validate_permalink', (req, res) => {
  validatePermalink(req.body.permalink, res);
});
// Sign-in and sign-out are public by nature.
router.get('/admin/login', (req, res) => res.render('login'));
router.post('/admin/login_action', (req, res) => login(req, res));
router.get('/admin/logout', (req, res) => logout(req, res));

module.exports = router;
