// A `..` check before the value is copied and handed to a helper of the same file does not follow it there:
// the helper hands it to `path.resolve(base, dir)`, which an absolute name (`GET //etc/x/HEAD`) escapes.
const fs = require('fs');
const http = require('http');
const path = require('path');
const url = require('url');

class Repos {
  constructor(base) {
    this.dirMap = (dir) => path.normalize(dir ? path.resolve(base, dir) : base);
  }

  exists(name, callback) {
    // ruleid: code/js-path-traversal
    fs.exists(this.dirMap(name), callback);
  }

  handle(req, res) {
    const self = this;
    const m = url.parse(req.url).pathname.match(/^\/(.+)\/HEAD$/);
    if (!m) return;
    if (/\.\./.test(m[1])) return;
    var repo = m[1];
    self.exists(repo, (ex) => res.end(ex ? 'yes' : 'no'));
  }
}

function resolved(dir) {
  return path.resolve('/srv/files', dir);
}

function readNamed(name) {
  // ruleid: code/js-path-traversal
  return fs.readFileSync(resolved(name));
}

http
  .createServer((req, res) => {
    const q = url.parse(req.url, true).query;
    if (q.file.includes('..')) return res.end();
    if (q.repo) return new Repos('/srv/git').handle(req, res);
    res.end(readNamed(q.file));
  })
  .listen(8080);
