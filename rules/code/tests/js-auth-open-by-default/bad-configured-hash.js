const bcrypt = require('bcrypt');
const express = require('express');

// The settings module fills the admin's password hash from the environment: comparing with it is this same
// login, skipped while ADMIN_PASSWORD_HASH is unset, not an account's stored hash.
const config = {
  admin: {
    user: process.env.ADMIN_USER || 'admin',
    passwordHash: process.env.ADMIN_PASSWORD_HASH,
  },
};

async function adminAuth(req, res, next) {
  // ruleid: code/js-auth-open-by-default
  if (!process.env.ADMIN_PASSWORD_HASH) return next();
  const [, encoded = ''] = (req.headers.authorization || '').split(' ');
  const [name, password = ''] = Buffer.from(encoded, 'base64').toString().split(':');
  if (name === config.admin.user && (await bcrypt.compare(password, config.admin.passwordHash))) return next();
  res.set('WWW-Authenticate', 'Basic realm="admin"').sendStatus(401);
}

const app = express();
app.use(adminAuth);
app.post('/notes', (req, res) => res.sendStatus(201));
app.listen(8080);
