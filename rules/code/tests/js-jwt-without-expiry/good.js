const jwt = require('jsonwebtoken');

function login(user, secret) {
  return jwt.sign({ uid: user.id, hash: user.ackHash }, secret, { expiresIn: 7200 });
}

function loginExpClaim(user, secret) {
  return jwt.sign({ sub: user.id, exp: Math.floor(Date.now() / 1000) + 3600 }, secret);
}

function loginSharedOptions(user, secret, signOptions) {
  // Options kept elsewhere are not read.
  return jwt.sign({ username: user.name }, secret, signOptions);
}

function downloadLink(file, secret) {
  // A token for a file, not for a user.
  return jwt.sign({ file: file.path, size: file.size }, secret);
}

function loginSpread(user, secret, lifetime) {
  return jwt.sign({ user: user.id }, secret, { ...lifetime, algorithm: 'HS256' });
}

module.exports = { login, loginExpClaim, loginSharedOptions, downloadLink, loginSpread };
