// The first branch of the one-server if is the finding; a plain server in an else whose if makes another
// server under another name, or an encrypted one, is a server of its own.
const http = require('http');
const https = require('https');

exports.start = (connectApp, port) => {
  let httpServer;
  if (connectApp) {
    // ruleid: code/js-http-server-without-tls
    httpServer = http.createServer(connectApp);
  } else {
    httpServer = http.createServer();
  }
  httpServer.listen(port);
};

exports.both = (app, options) => {
  let main;
  let admin;
  if (options.admin) {
    // ruleid: code/js-http-server-without-tls
    admin = http.createServer(app);
  } else {
    // ruleid: code/js-http-server-without-tls
    main = http.createServer(app);
  }
  return main || admin;
};

exports.secureOrNot = (app, options) => {
  let server;
  if (options.key) {
    server = https.createServer(options, app);
  } else {
    // ruleid: code/js-http-server-without-tls
    server = http.createServer(app);
  }
  return server;
};
