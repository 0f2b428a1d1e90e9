const crypto = require('crypto');

function signatureOf(body, key) {
  // ruleid: code/js-weak-hash
  return crypto.createHmac('md5', key).update(body).digest('hex');
}

// HMAC-MD5 through CryptoJS: MD5 is approved for no use, a MAC included.
function tokenSignature(token, key) {
  // ruleid: code/js-weak-hash
  return CryptoJS.HmacMD5(token, key).toString();
}

// A plain SHA-1 of a secret and the data (no HMAC): a length-extendable signature.
function webhookSignature(payload, secret) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('sha1').update(secret + payload).digest('hex');
}

function fingerprint(cert) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(cert).digest('hex');
}
module.exports = { signatureOf, fingerprint };

// The whole digest, or a cut as long as the digest itself, is still the weak hash.
function sessionKey(data) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(data).digest('hex').slice(0, 32);
}
module.exports.sessionKey = sessionKey;

// A digest checked against a file's content, or a signature of a path: integrity and authenticity.
function verify(file, expected) {
  // ruleid: code/js-weak-hash
  const sum = crypto.createHash('md5').update(require('fs').readFileSync(file)).digest('hex');
  return sum === expected;
}

function signedUrl(dir, name, secret) {
  // ruleid: code/js-weak-hash
  const sig = crypto.createHash('md5').update(name + secret).digest('hex');
  return require('path').join(dir, name) + '?sig=' + sig;
}
