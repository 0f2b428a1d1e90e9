const express = require('express');
const cookieParser = require('cookie-parser');
const app = express();
app.use(cookieParser());

// Decoded forms of headers can hold %0A as a line break: parsed cookies, a header value decoded by the app.
app.get('/session', (req, res) => {
  // ruleid: code/js-log-injection
  console.log('session ' + req.cookies.sid);
  // ruleid: code/js-log-injection
  console.log('file name ' + decodeURIComponent(req.headers['x-file-name']));
  // ruleid: code/js-log-injection
  console.log('virtual host ' + decodeURIComponent(req.hostname));
  res.end();
});

// The raw target decoded before it is logged: %0A becomes a line break.
app.use((req, res, next) => {
  // ruleid: code/js-log-injection
  console.info('GET ' + decodeURIComponent(req.url));
  next();
});
