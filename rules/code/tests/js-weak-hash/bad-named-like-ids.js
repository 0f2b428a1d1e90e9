const crypto = require('crypto');

// A session's serial is the session's credential: its name says session.
function newSession(user) {
  // ruleid: code/js-weak-hash
  const sessionSerial = crypto.createHash('md5').update(user + Date.now()).digest('hex');
  return sessionSerial;
}

// A token's digest compared with the stored one is a check, not a bucket or a folder name.
function checkToken(token, stored) {
  // ruleid: code/js-weak-hash
  const tokenHash = crypto.createHash('sha1').update(token).digest('hex');
  return tokenHash === stored;
}

module.exports = { newSession, checkToken };
