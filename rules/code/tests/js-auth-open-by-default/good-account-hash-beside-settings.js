const bcrypt = require('bcrypt');
const express = require('express');

// Settings from the environment beside the accounts' own login: the hash compared is the account's, stored
// with it, and no file fills that member from the environment.
const config = { admin: { user: process.env.ADMIN_USER || 'admin' } };

function sharedKey(req, res, next) {
  if (!process.env.SHARED_KEY) return next();
  if (req.headers['x-shared-key'] === process.env.SHARED_KEY) return next();
  res.sendStatus(401);
}

async function accountAuth(req, res, next) {
  const [, encoded = ''] = (req.headers.authorization || '').split(' ');
  const [name, password = ''] = Buffer.from(encoded, 'base64').toString().split(':');
  const user = await findUser(name === 'root' ? config.admin.user : name);
  if (user && (await bcrypt.compare(password, user.passwordHash))) return next();
  res.sendStatus(401);
}

async function findUser(name) {
  return name ? { name, passwordHash: '' } : undefined;
}

const app = express();
app.use(sharedKey, accountAuth);
app.post('/notes', (req, res) => res.sendStatus(201));
