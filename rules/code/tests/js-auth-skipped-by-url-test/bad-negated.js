// The same substring allow-list written negated: the login runs where `req.url` does not contain the path and
// `next()` where it does, so `/admin/users?x=/api/` (the path in the query string) skips the login.
const express = require('express');
const basicAuth = require('express-basic-auth');

const app = express();
const basicAuthMiddleware = basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } });

app.use((req, res, next) => {
  // ruleid: code/js-auth-skipped-by-url-test
  if (!req.url.includes('/api/')) basicAuthMiddleware(req, res, next);
  else next();
});

app.use((req, res, next) =>
  // ruleid: code/js-auth-skipped-by-url-test
  !req.originalUrl.includes('/public/') ? basicAuthMiddleware(req, res, next) : next(),
);

app.get('/admin/users', (req, res) => res.json([]));
app.listen(3000);
