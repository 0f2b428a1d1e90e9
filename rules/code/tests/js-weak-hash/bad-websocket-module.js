const crypto = require('crypto');

// A module that speaks WebSocket and also checks passwords: only the handshake's digest of the GUID is
// the protocol's; the password digest beside it is a weak hash.
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

function acceptKey(key) {
  return crypto.createHash('sha1').update(key + GUID).digest('base64');
}

function checkPassword(user, password) {
  // ruleid: code/js-weak-hash
  const digest = crypto.createHash('sha1').update(password).digest('hex');
  return digest === user.passwordSha1;
}

// A token signed with the key of a session: the GUID is not what it hashes.
function sessionToken(sessionKey) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('sha1').update(sessionKey + Date.now()).digest('hex');
}

module.exports = { acceptKey, checkPassword, sessionToken };
