const express = require('express');
const session = require('express-session');
const app = express();

app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: true, httpOnly: true, sameSite: 'lax' } }));

// Decided at run time (behind a TLS proxy in production), or spread from shared options.
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: 'auto', maxAge: 3600000 } }));
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: app.get('env') === 'production' } }));
const secure = process.env.NODE_ENV === 'production';
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure, maxAge: 3600000 } }));
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { ...cookieDefaults, path: '/' } }));
// fastify's session plugin defaults to secure cookies.
fastify.register(fastifySession, { secret: process.env.SESSION_SECRET, cookie: { maxAge: 3600000 } });

app.post('/login', (req, res) => {
  res.cookie('sid', req.sessionID, { secure: true, httpOnly: true, sameSite: 'strict' });
  res.end();
});

// Values written in place hold no secret: a hint for the page's scripts, a double-submit CSRF marker.
app.use((req, res, next) => {
  if (req.user) res.cookie('app.loggedIn', 'true');
  if (req.method === 'GET') res.cookie('csrf-marker', 'csrf', { sameSite: 'lax', maxAge: 31536000 });
  next();
});

// The cookie-to-header CSRF token: the page's scripts copy it into a header, so it cannot be httpOnly.
const XSRF_COOKIE_KEY = 'XSRF-TOKEN';
app.get('/form', (req, res) => {
  res.cookie(XSRF_COOKIE_KEY, req.csrfToken());
  res.cookie('XSRF-TOKEN', req.csrfToken(), { sameSite: 'strict' });
  res.end();
});

// `secure` decided by the environment, or brought in by a spread of shared options.
const cookieDefaults = { secure: true, sameSite: 'lax' };
app.use('/a', session({ secret: process.env.SESSION_SECRET, cookie: { secure: process.env.NODE_ENV === 'production', maxAge: 60000 } }));
app.use('/b', session({ secret: process.env.SESSION_SECRET, cookie: { ...cookieDefaults, maxAge: 60000 } }));
// A `cookie` option of something that is not express-session.
const consent = banner({ cookie: { name: 'consent', maxAge: 31536000 } });
