// The application matches routes by case, so `/API/V1/…` reaches no route: the test agrees with the router.
const express = require('express');
const basicAuth = require('express-basic-auth');

const app = express();
app.set('case sensitive routing', true);
const basicAuthMiddleware = basicAuth({ users: { admin: process.env.ADMIN_PASSWORD } });

app.use((req, res, next) => {
  if (req.path.startsWith('/api/v1/')) basicAuthMiddleware(req, res, next);
  else next();
});

app.get('/api/v1/credentials', (req, res) => res.json([]));
app.listen(3000);
