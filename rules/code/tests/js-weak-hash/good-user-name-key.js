const crypto = require('crypto');

function sha1(text) {
  return crypto.createHash('sha1').update(text).digest('hex');
}

// A digest of a user name as the key of the users table: a lookup key, no secret and no integrity check (the
// password beside it is another matter).
function lookupUser(users, user, pass, next) {
  var username = sha1(user);
  if (!Object.hasOwnProperty.call(users, username)) return next();
  return next(null, user);
}
module.exports = { lookupUser };
