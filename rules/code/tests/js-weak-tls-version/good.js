const tls = require('tls');

tls.connect({ host: 'example.com', minVersion: 'TLSv1.2' });
tls.createServer({ minVersion: 'TLSv1.3' });
