// Location headers the request does not choose, or chooses only inside this site.
const http = require('http');

http.createServer((req, res) => {
  // The HTTPS upgrade: the host is the one the browser itself sent.
  res.writeHead(301, { Location: 'https://' + req.headers.host + req.url });
  res.end();
});

http.createServer((req, res) => {
  const page = new URL(req.url, 'http://localhost').searchParams.get('page');
  // A path of this site with the value inside it.
  res.setHeader('Location', `/pages/${encodeURIComponent(page)}`);
  res.statusCode = 302;
  res.end();
});

http.createServer((req, res) => {
  // Another header that happens to hold request data is no redirect.
  res.setHeader('Content-Location', req.url);
  res.setHeader('X-Request-Path', req.url);
  res.writeHead(200, { 'Content-Type': 'text/plain', 'X-Path': req.url });
  res.end('ok');
});

const ALLOWED = new Set(['/home', '/account']);
http.createServer((req, res) => {
  const next = new URL(req.url, 'http://localhost').searchParams.get('next');
  if (!ALLOWED.has(next)) {
    res.writeHead(302, { Location: '/home' });
    return res.end();
  }
  res.writeHead(302, { Location: next });
  res.end();
});

// A single-page app's redirect to `/#<route>`: the request's path is set to `/` first, so the Location starts
// with this site's root and the route is only its fragment.
module.exports.spa = function (req, res, next) {
  if (req.url !== '/') {
    var route = req.url;
    req.url = '/';
    res.statusCode = 302;
    res.setHeader('Location', req.url + '#' + route);
    res.end();
  } else next();
};
