const https = require('https');
const { constants } = require('crypto');

// 'SSLv23_method' is OpenSSL's historical name for the version-flexible method (TLS_method): Node
// applies its minimum version (TLS 1.2) to it, and here SSLv2 and SSLv3 are also switched off.
https.createServer(
  {
    secureProtocol: 'SSLv23_method',
    secureOptions: constants.SSL_OP_NO_SSLv2 | constants.SSL_OP_NO_SSLv3,
  },
  () => {},
);
https.request({ host: 'example.com', secureProtocol: 'TLS_method' });
