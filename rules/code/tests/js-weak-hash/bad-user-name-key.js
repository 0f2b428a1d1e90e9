const crypto = require('crypto');

function sha1(text) {
  return crypto.createHash('sha1').update(text).digest('hex');
}

// The password checked beside the user name's key is still a fast unsalted hash of a password.
function verifyUser(users, user, pass, next) {
  // ruleid: code/js-weak-hash
  var passwordHash = sha1(pass);
  // A name that ends in another word is no user name (`usernameToken`).
  // ruleid: code/js-weak-hash
  var usernameToken = sha1(user + pass);
  return next(passwordHash === users[user] ? null : usernameToken);
}
module.exports = { verifyUser };
