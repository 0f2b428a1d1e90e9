const crypto = require('crypto');
const NodeRSA = require('node-rsa');

crypto.generateKeyPairSync('rsa', { modulusLength: 3072 });
crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, () => {});
const key = new NodeRSA({ b: 2048 });
