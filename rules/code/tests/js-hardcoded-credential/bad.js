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
module.exports = { conn, dbPassword };
