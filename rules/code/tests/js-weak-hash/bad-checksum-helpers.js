const crypto = require('crypto');

// A checksum helper named for its algorithm, called to sign: reported at the call, which says what the digest
// is for.
function sha1sum(data) {
  return crypto.createHash('sha1').update(data).digest('hex');
}

function sign(payload, secret) {
  // ruleid: code/js-weak-hash
  return sha1sum(secret + payload);
}

// A helper named otherwise is reported where it hashes, when it says what the digest protects; a helper held in
// a variable named for its algorithm, when the scope that declares it does (an HTTP Digest client's `md5`).
function digestOfSecret(data, secret) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(data + secret).digest('hex');
}
function digestAuth(user, realm, password, nonce) {
  const md5Hex = (data) =>
    // ruleid: code/js-weak-hash
    crypto.createHash('md5').update(data).digest('hex');
  return md5Hex(md5Hex(`${user}:${realm}:${password}`) + ':' + nonce);
}

// An ETag header elsewhere in the function does not make every digest of it one, nor does another header.
function respond(res, token, body) {
  // ruleid: code/js-weak-hash
  const check = crypto.createHash('md5').update(token).digest('hex');
  if (check === res.locals.expected) {
    res.setHeader('ETag', body.length);
  }
  // ruleid: code/js-weak-hash
  res.setHeader('X-Signature', crypto.createHash('md5').update(body + token).digest('hex'));
}
module.exports = { sign, digestOfSecret, digestAuth, respond };
