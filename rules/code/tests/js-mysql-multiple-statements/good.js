const mysql = require('mysql2');

const pool = mysql.createPool({ host: process.env.DB_HOST, multipleStatements: false });
// Another library's option of the same name, outside a MySQL connection.
const parser = makeParser({ multipleStatements: true });
module.exports = { pool, parser };
