// Beeline's `503` handler gets the error that another handler threw as its third parameter, and a rule's
// fixed file name is not request data; a token checked to be one of the known names stays inside.
const http = require('http');
const fs = require('fs');
const bee = require('beeline');

const NAMES = ['intro.md', 'usage.md'];

const router = bee.route({
  '`503`': function (req, res, err) {
    // ok: code/js-path-traversal
    fs.appendFileSync('/var/log/app/' + err.code + '.log', String(err));
    res.end();
  },
  '/docs/`name`': function (req, res, tokens) {
    if (!NAMES.includes(tokens.name)) {
      res.statusCode = 404;
      return res.end();
    }
    // ok: code/js-path-traversal
    fs.createReadStream('/srv/docs/' + tokens.name).pipe(res);
  },
});

const cache = {
  '/static': function (req, res, size) {
    // ok: code/js-path-traversal
    fs.createReadStream('/srv/static/' + size).pipe(res);
  },
};

http.createServer(router).listen(8080);
module.exports = cache;
