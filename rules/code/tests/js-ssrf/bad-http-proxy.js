const http = require('http');
const express = require('express');
const httpProxy = require('http-proxy');
const { createProxyMiddleware } = require('http-proxy-middleware');

const proxy = httpProxy.createProxyServer({});
const app = express();

// An open proxy: the client names the host the server forwards its request to.
app.all('/fetch', (req, res) => {
  // ruleid: code/js-ssrf
  proxy.web(req, res, { target: req.query.url, changeOrigin: true });
});

// Options built in steps: the target field is written from the request.
http.createServer((req, res) => {
  const options = { changeOrigin: true, headers: { 'x-proxied': '1' } };
  options.target = 'http://' + req.headers['x-backend'];
  // ruleid: code/js-ssrf
  proxy.web(req, res, options);
});

// http-proxy-middleware's router answers the target for each request.
app.use(
  '/api',
  createProxyMiddleware({
    target: 'http://localhost:3000',
    changeOrigin: true,
    // ruleid: code/js-ssrf
    router: (req) => req.query.backend,
  }),
);
app.use(
  '/svc',
  createProxyMiddleware({
    target: 'http://localhost:3000',
    router: function (req) {
      // ruleid: code/js-ssrf
      return 'http://' + req.headers['x-service'] + ':8080';
    },
  }),
);
