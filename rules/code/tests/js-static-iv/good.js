const crypto = require('crypto');
const key = crypto.scryptSync(process.env.APP_PASSPHRASE, 'salt', 32);

function encrypt(data) {
  const iv = crypto.randomBytes(16);
  const c = crypto.createCipheriv('aes-256-cbc', key, iv);
  return iv.toString('hex') + c.update(data, 'utf8', 'hex') + c.final('hex');
}
module.exports = { encrypt };
