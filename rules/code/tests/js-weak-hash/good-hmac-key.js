const crypto = require('crypto');

// A STUN/TURN message's MESSAGE-INTEGRITY (RFC 5389 §15.4): MD5 only derives the HMAC's key, kept nowhere.
function checkIntegrity(raw, username, realm, credentials, sent) {
  const key = crypto.createHash('md5').update(`${username}:${realm}:${credentials[username]}`).digest();
  if (!key.length) return false;
  const mac = crypto.createHmac('sha1', key).update(raw).digest('hex');
  return mac === sent;
}
module.exports = { checkIntegrity };
