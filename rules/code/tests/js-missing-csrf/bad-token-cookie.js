// A JSON Web Token kept in a cookie by hand: the browser sends it with every request, from any site.
const express = require('express');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');

const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, process.env.JWT_KEY, { expiresIn: '1h' });
  res.cookie('auth_token', token, { httpOnly: true, secure: true });
  res.redirect('/');
});

function requireUser(req, res, next) {
  try {
    // ruleid: code/js-missing-csrf
    req.user = jwt.verify(req.cookies.auth_token, process.env.JWT_KEY, { algorithms: ['HS256'] });
    next();
  } catch {
    res.redirect('/login');
  }
}

app.post('/password', requireUser, (req, res) => {
  setPassword(req.user.sub, req.body.password);
  res.redirect('/account');
});

app.post('/logout', (req, res) => {
  res.clearCookie('auth_token');
  res.redirect(req.cookies.auth_token ? '/bye' : '/');
});
