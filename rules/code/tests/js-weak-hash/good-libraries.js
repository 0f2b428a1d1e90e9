const CryptoJS = require('crypto-js');

const a = CryptoJS.SHA256(message).toString();
module.exports = { a };
