const express = require('express');
const path = require('path');

const router = express.Router();

// A parameter callback that checks the login, not the value: whatever name a logged-in user sends reaches
// the handler.
router.param('name', function (req, res, next, name) {
  if (!req.session.user) return res.status(403).send('log in');
  if (ADMINS.includes(req.session.user)) req.isAdmin = true;
  next();
});

router.get('/files/:name', (req, res) => {
  // ruleid: code/js-path-traversal
  res.sendFile(path.join(__dirname, 'files', req.params.name));
});

const ADMINS = ['root'];
module.exports = router;
