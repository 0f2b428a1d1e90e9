const http = require('http');
const express = require('express');
const httpProxy = require('http-proxy');
const { createProxyMiddleware } = require('http-proxy-middleware');

const BACKENDS = { a: 'http://10.0.0.5:8080', b: 'http://10.0.0.6:8080' };
const proxy = httpProxy.createProxyServer({ target: process.env.BACKEND_URL });
const app = express();

// A fixed target: the request picks only the path it sends on, not the host.
app.all('/api/*', (req, res) => {
  proxy.web(req, res, { target: 'http://127.0.0.1:4000', headers: { 'x-user': req.query.user } });
});

// The target chosen from the program's own table (a key the client sends, checked against the table).
http.createServer((req, res) => {
  const name = req.headers['x-backend'];
  if (!Object.prototype.hasOwnProperty.call(BACKENDS, name)) return res.end();
  proxy.web(req, res, { target: BACKENDS[name] });
});

// A fixed host with a request-chosen path after it.
const server = http.createServer();
server.on('upgrade', (req, socket, head) => {
  proxy.ws(req, socket, head, { target: 'ws://127.0.0.1:4001/' + req.url.slice(1) });
});

// http-proxy-middleware with a fixed target and a router that maps hosts to the program's own backends.
app.use('/api', createProxyMiddleware({ target: 'http://localhost:3000', pathRewrite: { '^/api': '' } }));
app.use(
  '/svc',
  createProxyMiddleware({
    target: 'http://localhost:3000',
    router: { 'dev.example.com': 'http://localhost:8000' },
  }),
);
app.use(
  '/v2',
  createProxyMiddleware({
    target: 'http://localhost:3000',
    router: (req) => (req.query.v === '2' ? 'http://localhost:3002' : 'http://localhost:3001'),
  }),
);

