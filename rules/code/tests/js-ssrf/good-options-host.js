// The client's URL parsed into request options whose host and port the program then sets itself: the request
// data picks the path, method and headers sent to the program's own service, not where the request goes.
const http = require('http');
const url = require('url');

const LOCAL = '127.0.0.1';
const config = { port: 8899 };

function fullUrl(req) {
  return 'http://' + req.headers.host + req.url;
}

function optionsFor(req, port, host) {
  const options = url.parse(fullUrl(req));
  options.headers = req.headers;
  options.method = req.method;
  options.host = host || LOCAL;
  if (port > 0) {
    options.port = port;
  }
  options.hostname = null;
  return options;
}

exports.toService = function (req, res) {
  // ok: code/js-ssrf
  http.request(optionsFor(req, config.port), (up) => up.pipe(res)).end();
};

exports.toOwnPort = function (req, res) {
  const options = url.parse(fullUrl(req));
  options.hostname = null;
  options.host = LOCAL;
  options.port = config.port;
  options.headers = req.headers;
  // ok: code/js-ssrf
  http.request(options, (up) => up.pipe(res)).end();
};
