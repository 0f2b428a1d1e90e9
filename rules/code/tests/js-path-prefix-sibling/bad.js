const fs = require('fs');
const path = require('path');
const http = require('http');
const express = require('express');
const app = express();

// node-static 0.7.11 (CVE-2023-26111): `resolve` drops the trailing separator, so `GET /../www-private/x`
// (sent as written) joins to `/srv/www-private/x`, which begins with `/srv/www`.
function Server(root) {
  this.root = path.resolve(root || '.');
}
Server.prototype.serve = function (req, res) {
  const pathname = path.join(this.root, decodeURI(req.url));
  if (pathname.indexOf(this.root) === 0) {
    // ruleid: code/js-path-prefix-sibling
    fs.createReadStream(pathname).pipe(res);
  } else {
    res.writeHead(403);
    res.end();
  }
};
http.createServer((req, res) => new Server('/srv/www').serve(req, res));

const ROOT = path.resolve(process.env.FILES || 'files');

// The usual containment check, with the separator left out.
app.get('/files/:name', (req, res) => {
  const file = path.resolve(ROOT, req.params.name);
  if (!file.startsWith(ROOT)) return res.status(403).end();
  // ruleid: code/js-path-prefix-sibling
  res.send(fs.readFileSync(file));
});

// `path.resolve(ROOT, '/')` is `/`, and `resolve` drops any trailing separator: still only a prefix.
app.get('/raw', (req, res) => {
  const file = path.join(ROOT, req.query.f);
  if (!file.startsWith(path.resolve(ROOT))) return res.status(403).end();
  // ruleid: code/js-path-prefix-sibling
  res.send(fs.readFileSync(file));
});

// A name bound to a separator-ended value in another function does not make this one's `base` so.
function other() {
  const dir = ROOT + path.sep;
  return dir;
}
app.get('/data', (req, res) => {
  const base = path.resolve(ROOT, 'data');
  const file = path.join(base, req.query.f);
  if (file.indexOf(base) === 0) {
    // ruleid: code/js-path-prefix-sibling
    res.send(fs.readFileSync(file));
  }
});

module.exports = { other };
