// SQL text the program does not fix, passed to a driver.
const mysql = require('mysql');
const connection = mysql.createConnection({ host: 'localhost' });

function find(sql, where, cb) {
  // ruleid: code/js-audit-sql-text
  connection.query(sql, cb);
  // ruleid: code/js-audit-sql-text
  connection.query('SELECT * FROM users WHERE ' + where, cb);
}

async function raw(db, text) {
  // ruleid: code/js-audit-sql-text
  return db.query(text);
}
module.exports = { find, raw };
