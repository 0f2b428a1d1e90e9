const crypto = require('crypto');
const key = crypto.scryptSync(process.env.APP_PASSPHRASE, 'salt', 32);

function encrypt(data) {
  // ruleid: code/js-static-iv
  const c = crypto.createCipheriv('aes-256-cbc', key, Buffer.alloc(16, 0));
  return c.update(data, 'utf8', 'hex') + c.final('hex');
}

function encrypt2(data) {
  // ruleid: code/js-static-iv
  const c = crypto.createCipheriv('aes-256-gcm', key, Buffer.from('000102030405060708090a0b', 'hex'));
  return c.update(data, 'utf8', 'hex') + c.final('hex');
}
module.exports = { encrypt, encrypt2 };
