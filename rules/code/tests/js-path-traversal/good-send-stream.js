const http = require('http');
const send = require('send');

// With `root`, send resolves the path inside that folder and refuses `..`; a path the program fixed is fine.
http.createServer((req, res) => {
  send(req, req.url, { root: '/srv/public' }).pipe(res);
});

http.createServer((req, res) => {
  send(req, '/srv/public/index.html').pipe(res);
});

// Another module's `send` (a mailer) takes no path.
const mailer = { send: (to, body) => [to, body] };
http.createServer((req) => mailer.send(req, req.url));
