const crypto = require('crypto');

// The digest keys an HMAC and is also compared with what the client sent: its own value is checked.
function checkAuth(raw, username, realm, credentials, sentKey, sentMac) {
  // ruleid: code/js-weak-hash
  const authKey = crypto.createHash('md5').update(`${username}:${realm}:${credentials[username]}`).digest('hex');
  const mac = crypto.createHmac('sha256', authKey).update(raw).digest('hex');
  return authKey === sentKey && mac === sentMac;
}
module.exports = { checkAuth };
