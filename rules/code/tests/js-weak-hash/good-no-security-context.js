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

// Names that only hold the letters of the security words: a catalog index, a compass heading, a cache bypass.
const catalogIndex = (text) => crypto.createHash('md5').update(text).digest('hex');
function compassHeading(bypassCache, data) {
  return crypto.createHash('sha1').update(data).digest('hex');
}
module.exports.more = { catalogIndex, compassHeading };

// A progressive web app's cache name: PWA names the app here.
const PWA_CACHE = 'app-' + crypto.createHash('md5').update(String(Date.now())).digest('hex');
module.exports.PWA_CACHE = PWA_CACHE;

// An object's method whose object names a thumbnail store.
const thumbs = {
  name(v) {
    return crypto.createHash('sha1').update(v).digest('hex');
  },
};
module.exports.thumbs = thumbs;
