const CryptoJS = require('crypto-js');
const md5 = require('md5');

// ruleid: code/js-weak-hash
const a = CryptoJS.MD5(message).toString();
// ruleid: code/js-weak-hash
const b = md5(message);
module.exports = { a, b };
