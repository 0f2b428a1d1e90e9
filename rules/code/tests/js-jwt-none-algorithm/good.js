const jwt = require('jsonwebtoken');

function check(token, key) {
  return jwt.verify(token, key, { algorithms: ['HS256'] });
}
module.exports = { check, mode: { algorithm: 'none-of-these' } };
