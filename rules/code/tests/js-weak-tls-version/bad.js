const tls = require('tls');

tls.connect({
  host: 'example.com',
  // ruleid: code/js-weak-tls-version
  secureProtocol: 'TLSv1_method',
});
// ruleid: code/js-weak-tls-version
tls.createServer({ minVersion: 'TLSv1' });
