// A request handler that reads the application's own page by a fixed path and compiles it as a template: the
// request chooses only whether the page is served and the data given to it, never the text compiled.
const fs = require('fs');
const path = require('path');
const _ = require('lodash');

function index(req, res, next) {
  if (req.url.split('?')[0] !== '/') return next();
  return fs.readFile('client/index.html', 'utf-8', function (err, file) {
    res.end(_.template(file, { version: '1.0.0' }));
  });
}

function help(req, res) {
  const page = fs.readFileSync(path.join(__dirname, 'help', 'index.md'), 'utf8');
  res.send(_.template(page)({ user: req.user }));
}

module.exports = { index, help };
