const http = require('http');
const path = require('path');
const stream = require('send');

// The `send` package streams the file at the path it is given (whatever the module calls it); without a
// `root` option nothing confines that path.
http.createServer((req, res) => {
  const file = path.join(process.cwd(), decodeURIComponent(req.url));
  // ruleid: code/js-path-traversal
  stream(req, file, { dotfiles: 'allow' }).pipe(res);
});

http.createServer((req, res) => {
  // ruleid: code/js-path-traversal
  stream(req, '/srv/files/' + req.url).pipe(res);
});
