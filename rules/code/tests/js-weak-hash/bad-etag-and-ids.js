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
// A function named as an id may return what is checked against a file.
function contentId(data) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('md5').update(data).digest('hex');
}
// The same under a variable: a content address deduplicates uploads, and a colliding upload takes another
// user's stored file.
async function saveUpload(store, upload) {
  // ruleid: code/js-weak-hash
  const fileId = crypto.createHash('md5').update(upload.buffer).digest('hex');
  if (!(await store.exists(fileId))) await store.put(fileId, upload.buffer);
  return fileId;
}
module.exports = { newSession, signedBody, contentId, saveUpload };
