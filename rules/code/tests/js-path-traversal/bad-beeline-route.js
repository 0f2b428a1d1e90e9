// Beeline's router hands a path rule's tokens (and a regex rule's captures) to the handler's third parameter,
// decoded from the request's path: `/..%2f..%2fetc/passwd` names any file.
const http = require('http');
const fs = require('fs');
const bee = require('beeline');

const router = bee.route({
  '/files/`path...`': function (request, response, details) {
    const file = process.cwd() + '/' + details.path;
    // ruleid: code/js-path-traversal
    fs.createReadStream(file).pipe(response);
  },
  'r`^/raw/(.+)$`': (req, res, matches) => {
    // ruleid: code/js-path-traversal
    res.end(fs.readFileSync('/srv/raw/' + matches[0]));
  },
});

router.add({
  '/docs/`name`': {
    GET: function (req, res, tokens) {
      // ruleid: code/js-path-traversal
      fs.readFile('/srv/docs/' + tokens.name, (err, data) => res.end(data));
    },
  },
});

http.createServer(router).listen(8080);
