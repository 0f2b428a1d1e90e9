'use strict';

const crypto = require('crypto');
const jwt = require('jsonwebtoken');

// Written unconditionally at start-up: the literal is never what signs once init ran.
let tokenSecret = 'unset';
// A missing setting gets a random key, not the literal.
var refreshSecret = 'placeholder';
// A module literal that is not a signing key, overridden by a setting.
var mode = 'development';

function init(settings) {
  tokenSecret = settings.tokenSecret;
  if (settings.refreshSecret) {
    refreshSecret = settings.refreshSecret;
  } else {
    refreshSecret = crypto.randomBytes(32).toString('hex');
  }
  if (settings.mode) mode = settings.mode;
}

function issue(user) {
  return {
    access: jwt.sign({ sub: user.id, mode }, tokenSecret),
    refresh: jwt.sign({ sub: user.id }, refreshSecret),
  };
}

module.exports = { init, issue };
