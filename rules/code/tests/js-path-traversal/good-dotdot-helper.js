// A `..` check is enough when the helper the value is handed to joins it after its base (`path.join(base,
// dir)` keeps even an absolute name under it), or builds the path as text after the base.
const fs = require('fs');
const http = require('http');
const path = require('path');
const url = require('url');

class Repos {
  constructor(base) {
    this.dirMap = (dir) => path.join(base, dir || '');
  }

  exists(name, callback) {
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

function underBase(dir) {
  return '/srv/files/' + dir;
}

function readNamed(name) {
  return fs.readFileSync(underBase(name));
}

http
  .createServer((req, res) => {
    const q = url.parse(req.url, true).query;
    if (q.file.includes('..')) return res.end();
    if (q.repo) return new Repos('/srv/git').handle(req, res);
    res.end(readNamed(q.file));
  })
  .listen(8080);
