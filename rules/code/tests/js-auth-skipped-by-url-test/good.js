// The login mounted on the routes' own prefix (the router decides, with its own matching), a public path
// compared exactly on `req.path`, a test that keeps the login for everything it does not recognise, and a
// session loader skipped for static files (a request that skips it is anonymous, not let in).
const express = require('express');
const basicAuth = require('express-basic-auth');
const session = require('express-session');

const app = express();
const basicAuthMiddleware = basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } });
const sessionMiddleware = session({ secret: process.env.SESSION_SECRET });
const publicPaths = new Set(['/api/v1/public', '/api/v1/ping']);

app.use('/api/v1', (req, res, next) => (publicPaths.has(req.path) ? next() : basicAuthMiddleware(req, res, next)));

app.use((req, res, next) => {
  // Static files skip the login; everything else, whatever its case, goes through it.
  if (req.path.startsWith('/static/')) return next();
  basicAuthMiddleware(req, res, next);
});

app.use((req, res, next) => {
  // Logging only: no login is decided here.
  if (req.url.includes('/api/v1/')) console.log(req.method, req.url);
  next();
});

app.use((req, res, next) => {
  // Compared in lower case, as the router matches: `/API/V1/…` goes through the login too.
  if (req.url.toLowerCase().includes('/api/v1/')) basicAuthMiddleware(req, res, next);
  else next();
});

app.use((req, res, next) => (req.url.includes('/static/') ? next() : sessionMiddleware(req, res, next)));
app.use((req, res, next) => {
  if (req.path.startsWith('/app')) session(req, res, next);
  else next();
});

app.get('/api/v1/credentials', (req, res) => res.json([]));
app.listen(3000);
