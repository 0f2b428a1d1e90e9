const mysql = require('mysql2');

const pool = mysql.createPool({
  host: process.env.DB_HOST,
  // ruleid: code/js-mysql-multiple-statements
  multipleStatements: true,
});
module.exports = { pool };
