const crypto = require('crypto');

function newSession(user) {
  const token = crypto.randomBytes(32).toString('hex');
  const jitter = Math.random() * 100;
  return { user, token, jitter };
}
module.exports = { newSession };

// How many asterisks stand for a stored password: the function is the password type's, the value is a count.
function PasswordType() {}
PasswordType.prototype.format = function (item) {
  if (!item.password) return '';
  const len = Math.round(Math.random() * 4) + 6;
  return '*'.repeat(len);
};
module.exports.PasswordType = PasswordType;

// A salt is stored beside the hash it salts: it must differ from the others, not be unguessable.
function hashPassword(password) {
  const salt = Math.random().toString(36).slice(2);
  return { salt, hash: sha256(salt + password) };
}
module.exports.hashPassword = hashPassword;
