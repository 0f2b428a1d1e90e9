const jwt = require('jsonwebtoken');

function check(token, key) {
  // ruleid: code/js-jwt-none-algorithm
  return jwt.verify(token, key, { algorithms: ['HS256', 'none'] });
}
module.exports = { check };
