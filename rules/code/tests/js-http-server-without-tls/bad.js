const http = require('http');
const app = require('./app');

// ruleid: code/js-http-server-without-tls
http.createServer(app).listen(80);
