const express = require('express');
const errorhandler = require('errorhandler');
const config = require('./config');

const app = express();
const debug = config.get('debug');
// Mounted only when the operator turns debugging on (sqlpad).
if (debug) {
  app.use(errorhandler());
}
