const express = require('express');
const app = express();

// The request's own origin: its scheme and the Host header the browser sent (read with req.get or
// req.header), as a site's base URL when none is configured. No link can make a victim's browser send
// another host for this site.
app.post('/-/logout', (req, res) => {
  const base = process.env.URL_PREFIX
    ? process.env.URL_PREFIX.replace(/\/$/, '')
    : req.protocol + '://' + req.get('host');
  res.redirect(base);
});

app.get('/home', (req, res) => {
  res.redirect(`${req.protocol}://${req.header('Host')}/dashboard`);
});

app.get('/upgrade', (req, res) => {
  res.redirect('https://' + req.get('host') + req.originalUrl);
});

// A fixed origin (its port a number or the program's own port) followed at once by the request's own target:
// the target is a path (`/…`), `*` or an absolute URL that the port or host cannot take in, so the browser
// stays on that host, as in the HTTP-to-HTTPS upgrade to a configured host.
app.use((req, res, next) => {
  if (req.secure) return next();
  res.redirect(`https://app.example:${config.httpsPort}${req.url}`);
});

app.get('/old/*', (req, res) => {
  res.redirect(301, 'https://new.example' + req.originalUrl);
});

// With a default of the program's own for a request that has no target.
app.use((req, res) => {
  res.writeHead(301, { location: `https://127.0.0.1:${server.port}${req.url ?? '/'}` });
  res.end();
});

// The same origin read off the response's request, its subdomains put back before the hostname (both cut by
// Express from the Host the browser sent), as an absolute Location; the request's value is only the path.
app.put('/:db', (req, res) => {
  const loc =
    res.req.protocol +
    '://' +
    (res.req.hostname === '127.0.0.1' ? '' : res.req.subdomains.join('.') + '.') +
    res.req.hostname +
    ':' +
    res.req.socket.localPort +
    '/' +
    req.params.db;
  // ok: code/js-open-redirect
  res.location(loc);
  res.status(201).end();
});
