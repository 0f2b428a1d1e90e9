const crypto = require('crypto');

// Names that say token, secret or session: what they hold is a credential.
function newSession(user) {
  // ruleid: code/js-weak-hash
  const sessionId = crypto.createHash('md5').update(user + Date.now()).digest('hex');
  return sessionId;
}
// A digest in quotes inside other text is not an entity tag.
function signedBody(body, secret) {
  // ruleid: code/js-weak-hash
  return '{"sig":"' + crypto.createHash('md5').update(body + secret).digest('hex') + '"}';
}
// A content digest checked against the one expected: an integrity check.
function verifyContent(data, expected) {
  // ruleid: code/js-weak-hash
  const sum = crypto.createHash('md5').update(data).digest('hex');
  return sum === expected;
}
module.exports = { newSession, signedBody, verifyContent };
