const bcrypt = require('bcrypt');
const express = require('express');

// The only login compares the Basic password with a bcrypt hash from the environment: hashing makes the check
// no less skipped while ADMIN_PASSWORD_HASH is unset, the default. bcrypt in the application says nothing of a
// second login when it is this one's.
async function adminAuth(req, res, next) {
  // ruleid: code/js-auth-open-by-default
  if (!process.env.ADMIN_PASSWORD_HASH) {
    return next();
  }
  const [, encoded = ''] = (req.headers.authorization || '').split(' ');
  const [, password = ''] = Buffer.from(encoded, 'base64').toString().split(':');
  if (await bcrypt.compare(password, process.env.ADMIN_PASSWORD_HASH)) return next();
  res.set('WWW-Authenticate', 'Basic realm="admin"').sendStatus(401);
}

// A password hashed only to be stored (an import of users for another system) checks nobody's request.
const exportUser = async (name, password) => ({ name, hash: await bcrypt.hash(password, 12) });

const app = express();
app.use(adminAuth);
app.post('/users/export', async (req, res) => res.json(await exportUser(req.body.name, req.body.password)));
app.listen(8080);
