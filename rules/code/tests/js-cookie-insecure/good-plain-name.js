const express = require('express');
const app = express();

// A cookie under a fixed name that names no session, credential, token or identity: the page's own
// namespace for its scripts to read, or where to go back to after the login (no secret either way).
app.get('/ui', (req, res) => {
  res.cookie('ui-namespace', req.params.ns, { path: '/ui', sameSite: true });
  res.cookie('login_dest', req.query.dest);
  res.cookie('returnTo', req.originalUrl, { maxAge: 600000 });
  res.send('ok');
});
