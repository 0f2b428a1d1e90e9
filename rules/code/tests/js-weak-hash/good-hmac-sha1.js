const crypto = require('crypto');

// HMAC-SHA1 as GitHub's X-Hub-Signature and Camo's URLs prescribe it: an HMAC rests on its key, not on SHA-1's
// collision resistance (NIST still approves HMAC-SHA1 for message authentication).
function signatureOf(payload, secret) {
  return 'sha1=' + crypto.createHmac('sha1', secret).update(payload).digest('hex');
}

function camoUrl(url, camoKey) {
  const digest = crypto.createHmac('SHA1', camoKey).update(url).digest('hex');
  return `https://camo.example.com/${digest}/${Buffer.from(url).toString('hex')}`;
}

function requestSignature(stringToSign, accessKeySecret) {
  return CryptoJS.HmacSHA1(stringToSign, `${accessKeySecret}&`).toString(CryptoJS.enc.Base64);
}
module.exports = { signatureOf, camoUrl, requestSignature };
