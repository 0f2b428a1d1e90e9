// Fixed SQL with bound values, and `query` methods that are not SQL.
const mysql = require('mysql');
const connection = mysql.createConnection({ host: 'localhost' });
const BY_ID = 'SELECT * FROM users WHERE id = ?';

function find(id, cb) {
  connection.query('SELECT * FROM users WHERE id = ?', [id], cb);
  connection.query(BY_ID, [id], cb);
  const sql = 'SELECT name FROM users WHERE id = ?';
  connection.query(sql, [id], cb);
}

function search(req, term) {
  return [req.query(term), document.querySelector(term)];
}
module.exports = { find, search };
