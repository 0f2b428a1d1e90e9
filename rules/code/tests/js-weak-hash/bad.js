const crypto = require('crypto');

function signatureOf(body, key) {
  // ruleid: code/js-weak-hash
  return crypto.createHmac('sha1', key).update(body).digest('hex');
}

function fingerprint(cert) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(cert).digest('hex');
}
module.exports = { signatureOf, fingerprint };

// The whole digest, or a cut as long as the digest itself, is still the weak hash.
function fileId(data) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(data).digest('hex').slice(0, 32);
}
module.exports.fileId = fileId;
