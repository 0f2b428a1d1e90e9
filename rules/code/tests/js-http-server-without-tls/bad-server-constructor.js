const http = require('http');
const express = require('express');

const app = express();
// ruleid: code/js-http-server-without-tls
const server = http.Server(app);
server.listen(8088);

// ruleid: code/js-http-server-without-tls
const admin = new http.Server(app);
admin.listen(8089);

// ruleid: code/js-http-server-without-tls
const web = require('node:http').createServer(app);
web.listen(8090);
