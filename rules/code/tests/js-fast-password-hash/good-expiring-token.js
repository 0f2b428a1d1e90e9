const crypto = require('crypto');

// A reset or login link's token made from the stored password and a value that changes (the record's last change,
// the clock, the link's expiry): the next change of the password, or the time, voids it. A stored password hash
// can hold no value that changes: the login recomputes it from the password and a fixed salt.
function resetToken(user, secret) {
  return crypto.createHmac('sha256', secret).update(user.password + ':' + user.updatedAt).digest('hex');
}

function magicLink(account, expires, secret) {
  return crypto.createHmac('sha256', secret).update(`${account.password}|${expires}`).digest('base64url');
}

function loginNonce(password) {
  return crypto.createHash('sha256').update(password + Date.now()).digest('hex');
}

module.exports = { resetToken, magicLink, loginNonce };
