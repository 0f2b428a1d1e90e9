const fs = require('fs');
const https = require('https');
const express = require('express');

const app = express();
const options = { key: fs.readFileSync('key.pem'), cert: fs.readFileSync('cert.pem') };
const server = https.Server(options, app);
server.listen(8443);
const web = require('node:https').createServer(options, app);
web.listen(8444);
const secure = new https.Server(options, app);
secure.listen(8445);
