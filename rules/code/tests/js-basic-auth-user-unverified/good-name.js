// `.name` of things that are not Basic credentials, and a value split on ':' that is not the Authorization
// header (a bearer token is read elsewhere in the file).
const express = require('express');

const app = express();

app.get('/pkg', (req, res) => {
  const pkg = require('./package.json');
  const file = { name: 'x' };
  const host = Buffer.from(req.query.h || '', 'base64').toString().split(':')[0];
  res.json({ name: pkg.name, file: file.name, host });
});

function bearer(req) {
  return (req.headers.authorization || '').replace(/^Bearer /, '');
}

module.exports = { bearer };
