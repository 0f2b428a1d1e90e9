const CryptoJS = require('crypto-js');
const md5 = require('md5');

// Top-level statements that name what the digest protects.
// ruleid: code/js-weak-hash
const a = CryptoJS.MD5(message + secret).toString();
// ruleid: code/js-weak-hash
const b = md5(token);
module.exports = { a, b };
