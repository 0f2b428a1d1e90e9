// A request handler that reads a file the request names, or a fixed file in a folder uploads are written to:
// whoever chooses or writes that file chooses the code compiled.
const fs = require('fs');
const path = require('path');
const _ = require('lodash');

function page(req, res) {
  fs.readFile(path.join(__dirname, 'views', req.query.page), 'utf8', function (err, text) {
    // ruleid: code/js-code-injection-audit
    res.end(_.template(text)({}));
  });
}

function latest(req, res) {
  const text = fs.readFileSync(path.join(__dirname, 'uploads', 'latest.md'), 'utf8');
  // ruleid: code/js-code-injection-audit
  res.send(_.template(text)({}));
}

module.exports = { page, latest };
