const crypto = require('crypto');
const fs = require('fs');

// HTTP Digest's HA1 written to an htdigest file: the stored hash, crackable offline.
function addDigestUser(file, username, realm, password) {
  // ruleid: code/js-weak-password-hash
  const ha1 = crypto.createHash('md5').update(username + ':' + realm + ':' + password).digest('hex');
  fs.appendFileSync(file, `${username}:${realm}:${ha1}\n`);
}

// The digest both keys an HMAC and is kept on the record.
function saveUser(user, password, nonce) {
  // ruleid: code/js-weak-password-hash
  const key = crypto.createHash('md5').update(password).digest();
  user.proof = crypto.createHmac('sha1', key).update(nonce).digest('hex');
  user.key = key;
}

// An HMAC of the salt keyed with the password's digest is itself a fast password hash.
function hashPassword(user, password) {
  // ruleid: code/js-weak-password-hash
  const key = crypto.createHash('sha1').update(password).digest();
  user.hash = crypto.createHmac('sha256', key).update(user.salt).digest('hex');
}

// Returned: the caller may store it.
function digestKey(password) {
  // ruleid: code/js-weak-password-hash
  const key = crypto.createHash('md5').update(password).digest();
  crypto.createHmac('sha1', key);
  return key;
}
module.exports = { addDigestUser, saveUser, hashPassword, digestKey };
