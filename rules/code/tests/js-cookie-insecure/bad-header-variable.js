// The header is built first and set from a variable; nothing in the file asks for Secure or HttpOnly.
const cookie = require('cookie');

module.exports = function login(req, res, token) {
  // ruleid: code/js-cookie-insecure
  const header = cookie.serialize('session', token, { path: '/', maxAge: 3600 });
  res.setHeader('Set-Cookie', header);
  res.end();
};
