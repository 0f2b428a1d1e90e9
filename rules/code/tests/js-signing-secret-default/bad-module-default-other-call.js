'use strict';

const jwt = require('jsonwebtoken');
const config = require('./config');

// A call that signs with another name comes first in the file: the module-level default below is still
// given to jwt.sign, and the setting replaces it only when it is given.
function issueService(payload) {
  return jwt.sign(payload, config.serviceSecret, { expiresIn: 60 });
}

// ruleid: code/js-signing-secret-default
var secretCode = 'frangoteam751';

function init(configuredSecret) {
  if (configuredSecret) {
    secretCode = configuredSecret;
  }
}

function issue(user) {
  return jwt.sign({ id: user.id }, secretCode, { expiresIn: 3600 });
}

module.exports = { init, issue, issueService };
