const jwt = require('jsonwebtoken');

// The login operation signs the token itself and reads its expiry back for the client.
async function login(user, secret) {
  const token = jwt.sign({ id: user.id, email: user.email }, secret, { expiresIn: 7200 });
  return { token, exp: jwt.decode(token).exp, user };
}
module.exports = { login };
