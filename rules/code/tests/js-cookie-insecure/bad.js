const express = require('express');
const session = require('express-session');
const app = express();

// ruleid: code/js-cookie-insecure
app.use(session({ secret: process.env.SESSION_SECRET, cookie: { secure: false, maxAge: 3600000 } }));

// The session cookie's options never say secure: express-session sends it over plain HTTP.
app.use(
  session({
    secret: process.env.SESSION_SECRET,
    // ruleid: code/js-cookie-insecure
    cookie: { path: '/', httpOnly: true, maxAge: 3600000 },
  }),
);

app.post('/login', (req, res) => {
  // ruleid: code/js-cookie-insecure
  res.cookie('sid', req.sessionID);
  // ruleid: code/js-cookie-insecure
  res.cookie('remember', req.rememberToken, { maxAge: 86400000, httpOnly: true });
  res.end();
});

// The session cookie's options leave `secure` out: express-session then sends it over plain HTTP too.
app.use(
  '/admin',
  session({
    secret: process.env.ADMIN_SECRET,
    // ruleid: code/js-cookie-insecure
    cookie: { path: '/admin', httpOnly: true, maxAge: 3600000 },
  }),
);
