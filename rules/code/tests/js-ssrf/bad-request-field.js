// The target stored on the request object by one function and read back by a helper (cors-anywhere's
// `req.corsAnywhereRequestState.location`): a field the program writes on the request holds what it was given.
const http = require('http');
const url = require('url');
const httpProxy = require('http-proxy');

const proxy = httpProxy.createProxyServer({});

function forward(req, res) {
  const location = req.proxyState.location;
  // ruleid: code/js-ssrf
  proxy.web(req, res, { target: location, changeOrigin: true });
}

function forwardWhole(req, res) {
  const state = req.routing;
  // ruleid: code/js-ssrf
  proxy.web(req, res, { target: state.backend });
}

http.createServer((req, res) => {
  req.proxyState = { maxRedirects: 5 };
  const location = url.parse(req.url.slice(1));
  req.proxyState.location = location;
  forward(req, res);
});

http.createServer((req, res) => {
  req.routing = { backend: 'http://' + req.headers['x-backend'] };
  forwardWhole(req, res);
});

// The field read back in a callback the writing handler schedules: the same request.
http.createServer((req, res) => {
  req.target = { attempts: 0 };
  req.target.url = url.parse(req.url.slice(1));
  setImmediate(() => {
    // ruleid: code/js-ssrf
    http.get(req.target.url, (r) => r.pipe(res));
  });
});
