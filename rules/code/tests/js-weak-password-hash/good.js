const crypto = require('crypto');

function storePassword(user, password) {
  const salt = crypto.randomBytes(16);
  user.hash = crypto.scryptSync(password, salt, 64).toString('hex');
  user.etag = crypto.createHash('md5').update(user.profile).digest('hex');
}
module.exports = { storePassword };
