const express = require('express');
const fs = require('fs');

const router = express.Router();

// A loader that only looks the value up, and a parameter no check is declared for, validate nothing.
router.param('user', (req, res, next, id) => {
  req.userId = id;
  next();
});
router.param('slug', loadPage);

function loadPage(req, res, next) {
  next();
}

router.get('/users/:user/avatar', (req, res) => {
  // ruleid: code/js-path-traversal
  fs.createReadStream('/data/avatars/' + req.params.user).pipe(res);
});

router.get('/pages/:slug', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile('/srv/pages/' + req.params.slug);
});

router.param('doc', (req, res, next, doc) => (/^\w+$/.test(doc) ? next() : next('route')));
router.get('/docs/:doc/:file', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile('/srv/docs/' + req.params.doc + '/' + req.params.file);
});

module.exports = router;
