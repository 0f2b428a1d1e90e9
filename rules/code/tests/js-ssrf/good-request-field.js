// Fields the program writes on the request from its own values: the helper forwards to a fixed backend.
const http = require('http');
const httpProxy = require('http-proxy');

const proxy = httpProxy.createProxyServer({});
const BACKENDS = { api: 'http://127.0.0.1:3000', static: 'http://127.0.0.1:3001' };
const state = {};

function forward(req, res) {
  const location = req.proxyState.location;
  // ok: code/js-ssrf
  proxy.web(req, res, { target: location, changeOrigin: true });
}

function forwardOther(req, res) {
  // ok: code/js-ssrf
  proxy.web(req, res, { target: req.routing.backend });
}

http.createServer((req, res) => {
  req.proxyState = { maxRedirects: 5, location: BACKENDS.api };
  // A plain object's field of the same name, written from request data, is not the request's.
  state.location = req.url.slice(1);
  forward(req, res);
});

http.createServer((req, res) => {
  // The request data goes to another field than the one the helper reads. (Not `req.routing = { backend:
  // FIXED, path: req.url }`: a field written on a name makes the name, handed on whole, carry the data.)
  req.routing = { backend: BACKENDS.static };
  req.routing.label = req.headers['x-label'];
  forwardOther(req, res);
});

// A callback with a request of its own: the written field is the outer request's.
http.createServer((req, res) => {
  req.target = { url: BACKENDS.api };
  req.target.url = req.url.slice(1);
  const inner = http.createServer((req, res2) => {
    // ok: code/js-ssrf
    http.get(req.target.url, (r) => r.pipe(res2));
  });
  inner.listen(0, () => res.end());
});
