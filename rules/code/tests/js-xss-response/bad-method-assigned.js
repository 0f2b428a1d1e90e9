const http = require('http');

// A program that sets the method itself from the query: the method is no longer one Node's parser checked,
// and the message writes it into the page.
http
  .createServer((req, res) => {
    req.method = req.headers['x-http-method'] || req.method;
    res.statusCode = 404;
    // ruleid: code/js-xss-response
    res.end(req.method + ' ' + req.url + ' Not Found');
  })
  .listen(8080);
