// The login runs only when the URL's text says so: `/API/V1/credentials` fails the case-sensitive test and
// Express still routes it to `/api/v1/credentials`; `?x=/api/v1/public` puts an allowed path in any URL.
const express = require('express');
const basicAuth = require('express-basic-auth');

const app = express();
const basicAuthMiddleware = basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } });
const publicURLs = ['/api/v1/public', '/api/v1/ping'];

app.use((req, res, next) => {
  // ruleid: code/js-auth-skipped-by-url-test
  if (req.url.includes('/api/v1/')) {
    // ruleid: code/js-auth-skipped-by-url-test
    publicURLs.some((url) => req.url.includes(url)) ? next() : basicAuthMiddleware(req, res, next);
  } else next();
});

app.use(function (req, res, next) {
  // ruleid: code/js-auth-skipped-by-url-test
  return req.path.startsWith('/admin') ? verifyToken(req, res, next) : next();
});

app.use((req, res, next) => {
  // ruleid: code/js-auth-skipped-by-url-test
  if (req.originalUrl.includes('/health')) return next();
  else basicAuthMiddleware(req, res, next);
});

function verifyToken(req, res, next) {
  if (req.headers.authorization !== `Bearer ${process.env.API_TOKEN}`) return res.sendStatus(401);
  next();
}

app.get('/api/v1/credentials', (req, res) => res.json([]));
app.listen(3000);
