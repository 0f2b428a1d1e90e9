const url = require('url');
const http = require('http');

// The port and scheme of a parsed URL, and the host that Node's url.parse keeps: a host part is cut at the
// first character outside letters, digits and a few marks (the rest moves to the path), a port is digits, so
// none of them can carry `<`, `>`, `"` or `'`. The parse may be a helper's return value (null besides).
function parseTarget(raw) {
  if (!raw) return null;
  const parsed = url.parse(raw);
  if (!parsed.hostname) return null;
  return parsed;
}

http.createServer((req, res) => {
  const location = parseTarget(req.url.slice(1));
  if (!location) return res.end('usage');
  if (location.port > 65535) {
    res.end('Port number too large: ' + location.port);
    return;
  }
  if (!/\.example$/.test(location.hostname)) {
    res.end('Invalid host: ' + location.hostname + ' (' + location.protocol + ')');
    return;
  }
  res.end('<p>Proxying to ' + url.parse(req.url.slice(1)).host + '</p>');
});

http.createServer((req, res) => {
  const u = new URL(req.url, 'http://localhost');
  res.end(`<a href="/p?port=${u.port}">${URL.parse(req.url, 'http://x')?.protocol}</a>`);
});
