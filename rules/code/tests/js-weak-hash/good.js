const crypto = require('crypto');

function signatureOf(body, key) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}
module.exports = { signatureOf, algorithm: 'md5' };

// Cut to six characters: a cache-busting suffix and an ETag, no collision resistance asked of them.
function bundleHash(version, lists) {
  const hash = crypto.createHash('md5');
  hash.update(version);
  for (const l of lists) hash.update(JSON.stringify(l));
  return hash.digest('hex').slice(0, 6);
}

function etagOf(src) {
  return crypto.createHash('md5').update(src).digest('hex').substring(0, 8);
}
module.exports.cacheKeys = { bundleHash, etagOf };
