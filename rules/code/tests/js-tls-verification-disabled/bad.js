const https = require('https');

// ruleid: code/js-tls-verification-disabled
const agent = new https.Agent({ rejectUnauthorized: false });
// ruleid: code/js-tls-verification-disabled
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
module.exports = { agent };
