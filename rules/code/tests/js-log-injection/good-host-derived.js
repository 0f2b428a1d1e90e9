const express = require('express');
const { log } = require('./util');
const app = express();

// The host name Express derives from the Host (or X-Forwarded-Host) header is its raw value, and so are the
// client address and the protocol: Node's HTTP parser lets no line break into them.
app.get('/', async (request, response) => {
  let hostname = request.hostname;
  log.debug('entry', `Request Domain: ${hostname}`);
  console.log('from ' + request.ip + ' for ' + request.hostname + ' over ' + request.protocol);
  response.end();
});
