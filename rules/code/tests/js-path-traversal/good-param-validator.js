const express = require('express');
const path = require('path');
const { validateName } = require('./middleware');

const router = express.Router();

// The router validates these route parameters where it declares them: Express runs the check before
// every route with `:filename` or `:theme`, and a name it refuses never reaches the handler.
router.param('filename', validateName);
router.param('theme', (req, res, next, value) => {
  if (!/^[a-z0-9-]+$/.test(value)) return next(new Error('invalid theme'));
  next();
});

router.get('/-/static/:filename', (req, res) => {
  const file = __dirname + '/static/' + req.params.filename;
  res.sendFile(file);
});

router.get('/themes/:theme', (req, res) => {
  const { params } = req;
  res.sendFile(path.join(__dirname, 'themes', params.theme, 'style.css'));
});

module.exports = router;
