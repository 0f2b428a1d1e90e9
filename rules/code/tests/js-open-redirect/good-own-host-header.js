const http = require('http');
const path = require('path');

// The Host header the browser sent, kept in a name or cut at its port: a victim's browser sends the host of the
// link it follows, so the redirect only goes back to where the browser already is.
http.createServer((req, res) => {
  const host = req.headers.host;
  res.writeHead(302, { Location: 'https://' + host + '/login' });
  res.end();
});

function redirectToHttps(req, res, ssl) {
  const port = ssl.redirectPort || ssl.port;
  const hostname = req.headers.host.split(':')[0] + (port ? ':' + port : '');
  // The request's own target joined under that host: `path.join` keeps it in the path (`//evil.example` too).
  const url = 'https://' + path.join(hostname, req.url);
  res.writeHead(302, { Location: url });
  res.end();
}

function toLower(req, res) {
  const name = req.header('Host').toLowerCase();
  res.redirect(`https://${name}/home`);
}

module.exports = { redirectToHttps, toLower };
