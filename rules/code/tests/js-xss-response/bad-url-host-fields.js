const url = require('url');
const querystring = require('querystring');
const http = require('http');

// The host of a WHATWG URL keeps `"` and `'` (`new URL('http://a"b.com/').hostname`), which leave an attribute;
// the path, query and user name of url.parse keep markup; a port written back from the request is the
// request's text; another module's `parse` (querystring's `port` is whatever the query says), a helper that
// may return something else, and a parameter named url are no URL parser.
http.createServer((req, res) => {
  const u = new URL(req.url.slice(1));
  // ruleid: code/js-xss-response
  res.end('<a href="http://' + u.hostname + '/">site</a>');
});

http.createServer((req, res) => {
  const p = url.parse(req.url.slice(1), true);
  // ruleid: code/js-xss-response
  res.end('Not found: ' + p.pathname);
});

http.createServer((req, res) => {
  const p = url.parse(req.url.slice(1), true);
  // ruleid: code/js-xss-response
  res.end('Port ' + p.query.port);
});

http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.end('User ' + url.parse(req.url).auth);
});

http.createServer((req, res) => {
  const p = url.parse(req.url.slice(1));
  p.port = req.headers['x-port'];
  // ruleid: code/js-xss-response
  res.end('Port number too large: ' + p.port);
});

http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.end('Port ' + querystring.parse(req.url.split('?')[1]).port);
});

function pick(raw) {
  if (raw.startsWith('?')) return querystring.parse(raw.slice(1));
  return url.parse(raw);
}
http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.end('Invalid host: ' + pick(req.url).hostname);
});

function hostOf(url, raw) {
  return url.parse(raw).hostname;
}
http.createServer((req, res) => {
  // ruleid: code/js-xss-response
  res.end('Invalid host: ' + hostOf(querystring, req.url));
});

http.createServer((req, res) => {
  const p = url.parse(req.url.slice(1));
  Object.assign(p, JSON.parse(req.headers['x-target']));
  // ruleid: code/js-xss-response
  res.end('Port number too large: ' + p.port);
});
