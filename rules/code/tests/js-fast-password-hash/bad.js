const crypto = require('crypto');

const SALT_LEN = 16;

// A user store's salted HMAC-SHA256: one fast hash per guess.
function hash(password, salt) {
  // ruleid: code/js-fast-password-hash
  return crypto.createHmac('sha256', salt).update(password).digest('hex');
}

function setPassword(body) {
  const salt = crypto.randomBytes(SALT_LEN).toString('hex');
  body.password = salt + hash(body.password, salt);
}

function checkPassword(user, credentials) {
  const salt = user.password.slice(0, SALT_LEN * 2);
  return user.password.slice(SALT_LEN * 2) === hash(credentials.password, salt);
}

// SHA-256 of the password and a salt, required inline.
function saltAndHash(password, salt) {
  // ruleid: code/js-fast-password-hash
  return require('crypto').createHash('sha256').update(password + salt, 'utf8').digest('hex');
}

// Made in steps: the hash is named, then fed the password.
function verify(stored, salt, bodyPass) {
  const hasher = crypto.createHash('sha512');
  hasher.update(salt);
  // ruleid: code/js-fast-password-hash
  hasher.update(bodyPass);
  return hasher.digest('hex') === stored;
}

// MD5 made in steps (the one-call MD5 is code/js-weak-password-hash's).
function legacyHash(user) {
  let h;
  h = crypto.createHash('md5');
  // ruleid: code/js-fast-password-hash
  h.update(user.new_password);
  return h.digest('hex');
}

module.exports = { setPassword, checkPassword, saltAndHash, verify, legacyHash };

// A salt named for the time the account was made is still a fixed salt: a stored verifier.
function hashWithCreated(user, password) {
  // ruleid: code/js-fast-password-hash
  return crypto.createHash('sha256').update(password + user.createdAt).digest('hex');
}
