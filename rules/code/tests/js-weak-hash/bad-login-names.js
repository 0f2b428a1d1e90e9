const crypto = require('crypto');
const express = require('express');
const app = express();
const db = require('./db');

// The short names of a password (`pw`, `hashPw`): the function's own words say what the digest protects.
function store(user, pw) {
  // ruleid: code/js-weak-hash
  db.save(user, crypto.createHash('md5').update(pw).digest('hex'));
}

// ruleid: code/js-weak-hash
const hashPw = (p) => crypto.createHash('md5').update(p).digest('hex');

// A login checked with a fast digest, named in the function or in the route the handler is passed to.
function checkLogin(u, p) {
  // ruleid: code/js-weak-hash
  return crypto.createHash('sha1').update(p).digest('hex') === u.h;
}

app.post('/login', (req, res) => {
  // ruleid: code/js-weak-hash
  const hash = crypto.createHash('md5').update(req.body.p).digest('hex');
  res.sendStatus(hash === db.users[req.body.u].h ? 200 : 403);
});

// A method whose class is named for what it protects.
class AuthService {
  hash(v) {
    // ruleid: code/js-weak-hash
    return crypto.createHash('sha1').update(v).digest('hex');
  }
}

const auth = {
  hash(v) {
    // ruleid: code/js-weak-hash
    return crypto.createHash('sha1').update(v).digest('hex');
  },
};
module.exports = { store, hashPw, checkLogin, AuthService, auth };
