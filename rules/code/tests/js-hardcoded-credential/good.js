const mysql = require('mysql');

const dbPassword = process.env.DB_PASSWORD;
const conn = mysql.createConnection({
  host: 'db',
  user: 'app',
  password: process.env.DB_PASSWORD,
});
const field = { name: 'password', type: 'password' };
const form = { password: '' };
config.apiKey = `${process.env.API_KEY}`;
it('logs in', () => {
  login({ password: 'fake-test-only-value' });
});
module.exports = { conn, dbPassword, field, form };
