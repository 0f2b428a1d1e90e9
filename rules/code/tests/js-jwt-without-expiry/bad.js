const jwt = require('jsonwebtoken');

function login(user, secret) {
  // The lifetime is written as a claim jsonwebtoken does not read: the token never expires.
  // ruleid: code/js-jwt-without-expiry
  return jwt.sign({ uid: user.id, hash: user.ackHash, expiredIn: 7200 }, secret);
}

function loginMisspelledOption(user, secret) {
  // ruleid: code/js-jwt-without-expiry
  return jwt.sign({ userId: user.id, username: user.name }, secret, { expireIn: '2h', algorithm: 'HS256' });
}

function loginWithCallback(user, secret, done) {
  // ruleid: code/js-jwt-without-expiry
  jwt.sign({ 'sub': String(user.id) }, secret, (err, token) => done(err, token));
}

module.exports = { login, loginMisspelledOption, loginWithCallback };
