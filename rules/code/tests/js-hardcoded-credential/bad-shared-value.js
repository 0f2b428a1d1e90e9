// A password another member of the object also has is still a password: a short object (a seed account),
// and a long configuration whose other values are its own.
const seed = {
  // ruleid: code/js-hardcoded-credential
  password: 'fake-adm1n-seed',
  username: 'fake-adm1n-seed',
  display_name: 'fake-adm1n-seed',
};

const settings = {
  host: 'db.internal',
  port: '5432',
  database: 'orders',
  user: 'orders',
  // ruleid: code/js-hardcoded-credential
  password: 'fake-Ord3rs-pw',
  ssl: 'require',
  pool: 'fixed',
  timeout: 'long',
};

const table = {
  a: 'site',
  b: 'site',
  c: 'site',
  d: 'site',
  e: 'site',
  f: 'theme',
  g: 'amp',
  // ruleid: code/js-hardcoded-credential
  password: 'fake-Sh4red-pw',
  h: 'labs',
  backup_password: 'fake-Sh4red-pw',
};

module.exports = { seed, settings, table };
