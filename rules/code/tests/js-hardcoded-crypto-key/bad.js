const crypto = require('crypto');

function sign(body) {
  // ruleid: code/js-hardcoded-crypto-key
  return crypto.createHmac('sha256', 'not-a-real-key-for-tests').update(body).digest('hex');
}

function encrypt(data, iv) {
  // ruleid: code/js-hardcoded-crypto-key
  const c = crypto.createCipheriv('aes-256-gcm', Buffer.from('0123456789abcdef0123456789abcdef'), iv);
  return c.update(data);
}
function decrypt(data, iv) {
  // ruleid: code/js-hardcoded-crypto-key
  const d = crypto.createDecipheriv('aes-128-cbc', Buffer.from('00112233445566778899aabbccddeeff', 'hex'), iv);
  return d.update(data);
}
module.exports = { sign, encrypt, decrypt };
