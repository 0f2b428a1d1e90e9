const express = require('express');
const errorhandler = require('errorhandler');

const app = express();
// ruleid: code/js-debug-error-handler
app.use(errorhandler());
