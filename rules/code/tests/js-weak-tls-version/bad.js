const tls = require('tls');
const https = require('https');

tls.connect({
  host: 'example.com',
  // ruleid: code/js-weak-tls-version
  secureProtocol: 'TLSv1_method',
});
// ruleid: code/js-weak-tls-version
tls.createServer({ minVersion: 'TLSv1' });
// ruleid: code/js-weak-tls-version
https.createServer({ secureProtocol: 'TLSv1_1_method' });
