const crypto = require('crypto');
const NodeRSA = require('node-rsa');

crypto.generateKeyPairSync('rsa', {
  // ruleid: code/js-weak-key-size
  modulusLength: 1024,
});
crypto.generateKeyPair('ec', {
  // ruleid: code/js-weak-key-size
  namedCurve: 'secp192k1',
}, () => {});
// ruleid: code/js-weak-key-size
const key = new NodeRSA({ b: 512 });
