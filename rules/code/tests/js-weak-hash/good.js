const crypto = require('crypto');

function signatureOf(body, key) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}
module.exports = { signatureOf, algorithm: 'md5' };
