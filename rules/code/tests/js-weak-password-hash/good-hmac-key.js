const crypto = require('crypto');

// RFC 5389 long-term credentials: the key of each message's MESSAGE-INTEGRITY, kept nowhere.
function messageIntegrity(msg, user, realm) {
  const hmacKey = crypto.createHash('md5').update(user.username + ':' + realm + ':' + user.password).digest();
  if (!hmacKey || !hmacKey.length) {
    throw new Error('no key');
  }
  return crypto.createHmac('sha1', hmacKey).update(msg.raw).digest();
}

const checkIntegrity = (raw, username, realm, credentials, sent) => {
  const key = crypto.createHash('md5').update(`${username}:${realm}:${credentials[username]}`).digest();
  const mac = crypto.createHmac('sha1', key).update(raw).digest('hex');
  return mac === sent;
};
module.exports = { messageIntegrity, checkIntegrity };
