const crypto = require('crypto');

function newSession(user) {
  const token = crypto.randomBytes(32).toString('hex');
  const jitter = Math.random() * 100;
  return { user, token, jitter };
}
module.exports = { newSession };
