const crypto = require('crypto');
const CryptoJS = require('crypto-js');

// Digests with nothing around them that says what they protect: a helper named otherwise, a content address,
// a change check, a top-level namespace. The default profile leaves them to the audit lead
// (code/js-audit-weak-hash); a digest whose function names what it protects is reported.
function digestOf(data) {
  return crypto.createHash('md5').update(data).digest('hex');
}
const md5Hex = (data) => crypto.createHash('md5').update(data).digest('hex');

async function saveUpload(store, upload) {
  const fileId = crypto.createHash('md5').update(upload.buffer).digest('hex');
  if (!(await store.exists(fileId))) await store.put(fileId, upload.buffer);
  return fileId;
}

function changed(previous, text) {
  return crypto.createHash('sha1').update(text).digest('hex') !== previous;
}

const namespace = crypto.createHash('md5').update(process.argv.join(' ')).digest('hex');
const label = CryptoJS.MD5(namespace).toString();
module.exports = { digestOf, md5Hex, saveUpload, changed, namespace, label };
