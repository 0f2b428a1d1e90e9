const crypto = require('crypto');

function encrypt(key, data) {
  // ruleid: code/js-weak-cipher
  const c = crypto.createCipheriv('des-ede3-cbc', key, crypto.randomBytes(8));
  return Buffer.concat([c.update(data), c.final()]);
}

function encryptBlock(key, data) {
  // ruleid: code/js-weak-cipher
  const c = crypto.createCipheriv('aes-128-ecb', key, null);
  return Buffer.concat([c.update(data), c.final()]);
}
module.exports = { encrypt, encryptBlock };
