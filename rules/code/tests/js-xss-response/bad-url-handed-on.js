// review37: a parsed URL whose fields another name writes: a copy of the object, or a function of the file given
// the object (its parameter's field set from a header).
const url = require('url');
const http = require('http');

function retarget(u, req) {
  u.host = req.headers['x-forwarded-host'];
}

http
  .createServer((req, res) => {
    const p = url.parse(req.url);
    retarget(p, req);
    // ruleid: code/js-xss-response
    res.end('<a href="http://' + p.host + '/">moved</a>');
  })
  .listen(8080);

http
  .createServer((req, res) => {
    const a = url.parse(req.url);
    const q = a;
    q.hostname = req.headers['x-host'];
    // ruleid: code/js-xss-response
    res.end('<a href="http://' + a.hostname + '/">moved</a>');
  })
  .listen(8081);
