const crypto = require('crypto');

function storePassword(user, password) {
  // ruleid: code/js-weak-password-hash
  user.hash = crypto.createHash('md5').update(password).digest('hex');
}
module.exports = { storePassword };
