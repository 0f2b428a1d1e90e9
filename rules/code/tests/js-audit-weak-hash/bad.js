const crypto = require('crypto');
const CryptoJS = require('crypto-js');
const md5 = require('md5');

// Every MD5 and SHA-1, whatever it is for: a lead to check that no one relies on it to tell apart data an
// attacker supplies (a content address, a checksum compared with a download).
function contentId(data) {
  // ruleid: code/js-audit-weak-hash
  return crypto.createHash('md5').update(data).digest('hex');
}
function mac(key, body) {
  // ruleid: code/js-audit-weak-hash
  return crypto.createHmac('sha1', key).update(body).digest('hex');
}
// ruleid: code/js-audit-weak-hash
const a = CryptoJS.SHA1(contentId('x')).toString();
// ruleid: code/js-audit-weak-hash
const b = md5(a);
module.exports = { contentId, mac, a, b };
