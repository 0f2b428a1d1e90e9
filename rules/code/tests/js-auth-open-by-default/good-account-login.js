const bcrypt = require('bcrypt');
const express = require('express');

// An optional shared key in front of the accounts' own login: every request must still carry a user's
// password, checked against that user's stored hash.
function sharedKey(req, res, next) {
  if (!process.env.SHARED_KEY) return next();
  if (req.headers['x-shared-key'] === process.env.SHARED_KEY) return next();
  res.sendStatus(401);
}

async function accountAuth(req, res, next) {
  const [, encoded = ''] = (req.headers.authorization || '').split(' ');
  const [name, password = ''] = Buffer.from(encoded, 'base64').toString().split(':');
  const user = await findUser(name);
  if (user && (await bcrypt.compare(password, user.passwordHash))) return next();
  res.sendStatus(401);
}

async function findUser(name) {
  return name ? { name, passwordHash: '' } : undefined;
}

const app = express();
app.use(sharedKey, accountAuth);
app.post('/notes', (req, res) => res.sendStatus(201));
