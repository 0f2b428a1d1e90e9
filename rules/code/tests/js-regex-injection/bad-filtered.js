// Filters that remove markup or a few characters leave a pattern's groups and quantifiers: `(a+)+$` passes
// `stripTags` and `blacklist(q, '&\'"/')` whole. A default export compiled to CommonJS is followed too.
const express = require('express');
const validator = require('validator');
const _s = require('underscore.string');
const highlightPattern = require('./lib-default-export');

const app = express();

app.get('/search', (req, res) => {
  const tagFree = _s.stripTags(req.query.search);
  const invalidChars = '&\'"/';
  const query = validator.toString(validator.blacklist(tagFree, invalidChars)).trim();
  // ruleid: code/js-regex-injection
  const re = new RegExp('(' + query + ')', 'gim');
  res.json(['alpha', 'beta'].filter((s) => re.test(s)));
});

app.get('/highlight', (req, res) => {
  // ruleid: code/js-regex-injection
  const re = new RegExp(highlightPattern(req.query.q), 'g');
  res.send(String(req.query.text).replace(re, '<b>$1</b>'));
});

app.get('/letters', (req, res) => {
  // `.` and `*` are kept: `.*.*.*=` backtracks.
  const q = validator.whitelist(req.query.q, 'a-z.*');
  // ruleid: code/js-regex-injection
  res.json({ match: new RegExp(q).test(String(req.query.text)) });
});
