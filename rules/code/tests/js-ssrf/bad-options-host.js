// A proxy that parses the client's URL into request options: where the program leaves the host the client
// named, or sets it only when none was given, request data still chooses the destination.
const http = require('http');
const url = require('url');

function fullUrl(req) {
  return 'http://' + req.headers.host + req.url;
}

exports.forward = function (req, res) {
  const options = url.parse(fullUrl(req));
  options.headers = req.headers;
  options.method = req.method;
  // ruleid: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};

exports.forwardDefaultHost = function (req, res) {
  const options = url.parse(fullUrl(req));
  if (!options.hostname) {
    options.hostname = '127.0.0.1';
  }
  options.port = 8080;
  // ruleid: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};

exports.forwardHostOnly = function (req, res) {
  const options = url.parse(fullUrl(req));
  // `hostname` wins over `host` in Node: the client's hostname is still used.
  options.host = '127.0.0.1';
  options.port = 8080;
  // ruleid: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};

exports.forwardBody = function (req, res) {
  // An object copied from the body may carry socketPath or lookup, which also choose where it goes.
  const options = Object.assign({}, req.body);
  options.hostname = '127.0.0.1';
  options.host = null;
  options.port = 8080;
  // ruleid: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};

exports.forwardKeptHost = function (req, res) {
  const options = url.parse(fullUrl(req));
  // The client's hostname kept when it gave one.
  options.hostname = options.hostname || '127.0.0.1';
  options.host = null;
  options.port = 8080;
  // ruleid: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};
