const https = require('https');
const fs = require('fs');
const app = require('./app');

https.createServer({ key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') }, app).listen(443);
