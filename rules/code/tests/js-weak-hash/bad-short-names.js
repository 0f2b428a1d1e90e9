const crypto = require('crypto');

// A password's and a signature's short names say what the digest protects as much as the long ones do.
function hashPass(p) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(p).digest('hex');
}
function storeUser(db, name, pw) {
  // ruleid: code/js-weak-hash
  const digest = crypto.createHash('sha1').update(pw).digest('hex');
  return db.insert({ name, digest });
}
function apiSig(body, key) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(body + key).digest('hex');
}
module.exports = { hashPass, storeUser, apiSig };
