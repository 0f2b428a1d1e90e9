const crypto = require('crypto');

// A slow, salted password hash.
function hashPassword(password) {
  const salt = crypto.randomBytes(16);
  return `${salt.toString('hex')}:${crypto.scryptSync(password, salt, 64).toString('hex')}`;
}

function hashPasswordPbkdf2(password, salt) {
  return crypto.pbkdf2Sync(password, salt, 600000, 32, 'sha256').toString('hex');
}

// Digests of a token, a reset token and a file: no password.
function tokenDigest(resetToken, passwordResetToken) {
  const a = crypto.createHash('sha256').update(resetToken).digest('hex');
  const b = crypto.createHash('sha256').update(passwordResetToken).digest('hex');
  return a + b;
}

// A digest of an already stored hash, and of the working folder.
function fingerprint(user) {
  const h = crypto.createHash('sha256');
  h.update(user.passwordHash);
  h.update(process.env.PWD);
  return h.digest('hex');
}

// A password as an HMAC's key signs a message; a name that only ends in the letters.
function sign(password, body, bypass) {
  return crypto.createHmac('sha256', password).update(body).update(bypass).digest('hex');
}

// A key derived from a password for a cipher.
function deriveKey(password) {
  return crypto.createHash('sha256').update(password).digest();
}

function encrypt(passphrase, iv, text) {
  const cipher = crypto.createCipheriv('aes-256-cbc', crypto.createHash('sha256').update(passphrase).digest(), iv);
  return cipher.update(text, 'utf8', 'hex') + cipher.final('hex');
}

// A session token made from the site's shared password: kept in the visitor's session, checked against it.
function verifySessionHash(settings, salt, hash) {
  const hasher = crypto.createHash('sha256');
  hasher.update(settings.get('password') + salt, 'utf8');
  return hasher.digest('hex') === hash;
}

function unlock(req, settings) {
  const hasher = crypto.createHash('sha256');
  const salt = Date.now().toString();
  if (req.body.password === settings.get('password')) {
    hasher.update(req.body.password + salt, 'utf8');
    req.session.token = hasher.digest('hex');
    req.session.salt = salt;
  }
}

// A digest made of a variable that is not a hash.
function notAHash(cache, password) {
  cache.update(password);
}

module.exports = {
  hashPassword,
  hashPasswordPbkdf2,
  tokenDigest,
  fingerprint,
  sign,
  deriveKey,
  encrypt,
  verifySessionHash,
  unlock,
  notAHash,
};
