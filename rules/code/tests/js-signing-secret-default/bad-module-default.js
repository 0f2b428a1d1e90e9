'use strict';

const jwt = require('jsonwebtoken');
const session = require('express-session');

var secureEnabled = false;
// ruleid: code/js-signing-secret-default
var secretCode = 'frangoteam751';
// ruleid: code/js-signing-secret-default
let sessionKey = 'keyboard cat';

// The setting replaces the literal only when it is given: every install without it signs with the literal.
function init(enabled, configuredSecret, settings) {
  secureEnabled = enabled;
  if (configuredSecret) {
    secretCode = configuredSecret;
  }
  if (settings && settings.sessionSecret) sessionKey = settings.sessionSecret;
}

function verify(token) {
  return new Promise((resolve, reject) => {
    jwt.verify(token, secretCode, (err) => (err ? reject(err) : resolve(secureEnabled)));
  });
}

function issue(user) {
  return jwt.sign({ id: user.id, groups: user.groups }, secretCode, { expiresIn: 3600 });
}

function sessions() {
  return session({ secret: sessionKey, resave: false, saveUninitialized: false });
}

module.exports = { init, verify, issue, sessions };
