const mysql = require('mysql');

// ruleid: code/js-hardcoded-credential
const dbPassword = 'fake-Pa55w0rd-for-tests';
const conn = mysql.createConnection({
  host: 'db',
  user: 'app',
  // ruleid: code/js-hardcoded-credential
  password: 'fake-Pa55w0rd-for-tests',
});
// ruleid: code/js-hardcoded-credential
config.apiKey = 'fake0123456789abcdef';
const session = {
  // ruleid: code/js-hardcoded-credential
  secret: 'fake-s3ssion-k3y-9f2',
};
module.exports = { conn, dbPassword, session };
