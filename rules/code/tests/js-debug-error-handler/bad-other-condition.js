const express = require('express');
const errorhandler = require('errorhandler');

const app = express();
// A condition that says nothing about development or debugging does not limit the handler.
if (process.env.PORT) {
  console.debug('starting');
  // ruleid: code/js-debug-error-handler
  app.use(errorhandler());
}
