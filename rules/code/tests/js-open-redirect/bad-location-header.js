// A redirect written by hand on Node's own response: the Location header, set or passed to writeHead.
const http = require('http');
const url = require('url');

function encodeUnsafe(text) {
  return String(text).replace(/[\s<>"]/g, encodeURIComponent);
}

// The trailing-slash redirect of a static server: `GET //evil.example/%2e%2e/docs` answers
// `Location: //evil.example/%2e%2e/docs/`, which the browser follows to evil.example.
function serveStatic(req, res) {
  const parsed = url.parse(req.url);
  res.statusCode = 302;
  // ruleid: code/js-open-redirect
  res.setHeader('location', encodeUnsafe(`${parsed.pathname}/`));
  res.end();
}

http.createServer((req, res) => {
  const target = new URL(req.url, 'http://localhost').searchParams.get('next');
  // ruleid: code/js-open-redirect
  res.writeHead(302, { Location: target });
  res.end();
});

http.createServer((request, response) => {
  // ruleid: code/js-open-redirect
  response.setHeader('Location', request.headers.referer);
  response.statusCode = 303;
  response.end();
});

module.exports = serveStatic;

// The request's path is rewritten only for the next middleware; the Location still holds what was sent.
module.exports.rewrite = function (req, res) {
  var original = req.url;
  req.url = '/index.html';
  // ruleid: code/js-open-redirect
  res.setHeader('Location', original + '/');
  res.statusCode = 301;
  res.end();
};

module.exports.trailing = function (req, res) {
  if (req.url.endsWith('/')) req.url = '/';
  // ruleid: code/js-open-redirect
  res.writeHead(302, { Location: req.url + '/' });
  res.end();
};

// The member set to a literal, then written again another way or handed on: the literal is gone.
module.exports.again = function (req, res) {
  req.url = '/';
  req['url'] = req.query.next;
  // ruleid: code/js-open-redirect
  res.writeHead(302, { Location: req.url });
  res.end();
};

module.exports.assigned = function (req, res) {
  req.url = '/';
  Object.assign(req, { url: req.query.next });
  // ruleid: code/js-open-redirect
  res.setHeader('Location', req.url);
  res.end();
};

module.exports.overwritten = function (req, res) {
  req.url = '/';
  req.url = req.query.next;
  // ruleid: code/js-open-redirect
  res.setHeader('Location', req.url);
  res.end();
};
