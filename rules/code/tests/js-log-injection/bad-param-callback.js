const express = require('express');
const router = express.Router();

// An app.param/router.param callback's fourth parameter is the decoded route parameter.
function findConnection(req, res, next, connectionId) {
  if (!req.app.locals.connections.has(connectionId)) {
    // ruleid: code/js-log-injection
    console.error('Connection with id ' + connectionId + ' not found');
    return next(new Error('not found'));
  }
  next();
}

router.param('connectionId', findConnection);
module.exports = router;
