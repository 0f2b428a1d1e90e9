const crypto = require('crypto');

function encrypt(password, data) {
  // ruleid: code/js-deprecated-create-cipher
  const c = crypto.createCipher('aes-256-cbc', password);
  return c.update(data, 'utf8', 'hex') + c.final('hex');
}
module.exports = { encrypt };
