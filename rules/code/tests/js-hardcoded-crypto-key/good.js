const crypto = require('crypto');
const key = Buffer.from(process.env.APP_KEY, 'base64');

function sign(body) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}

function encrypt(data, iv) {
  const c = crypto.createCipheriv('aes-256-gcm', key, iv);
  return c.update(data);
}
module.exports = { sign, encrypt };

// The key is the caller's secret; 'utf8' is only its encoding.
function signWebhook(timestamp, secretKey) {
  return crypto
    .createHmac('sha256', Buffer.from(secretKey, 'utf8'))
    .update(Buffer.from(`${timestamp}\n${secretKey}`, 'utf8'))
    .digest('base64');
}
module.exports.signWebhook = signWebhook;
