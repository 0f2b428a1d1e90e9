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
// A field's placeholder, a key in the translation catalogue.
const login = { placeholder: { password: 'apostrophe:enterPassword' } };
// A test harness's session secret that says it does not matter.
const harness = { port: 7900, secret: 'irrelevant' };
// A value that says it was cut out of a shared example.
const sample = { user: 'someone', password: '(snip)' };
// An all-zero key of 16 or more characters: the unset key a configuration file replaces.
const rndc = { secret: '0000000000000000000000000000000000' };
module.exports = { conn, dbPassword, field, form, harness, login, rndc, sample };
