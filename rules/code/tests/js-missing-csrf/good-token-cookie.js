// The token cookie is never sent on a cross-site request; a preference cookie authenticates nothing.
const express = require('express');
const cookieParser = require('cookie-parser');
const jwt = require('jsonwebtoken');

const app = express();
app.use(cookieParser());
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res) => {
  const token = jwt.sign({ sub: req.body.user }, process.env.JWT_KEY, { expiresIn: '1h' });
  res.cookie('auth_token', token, { httpOnly: true, secure: true, sameSite: 'strict' });
  res.redirect('/');
});

app.post('/password', (req, res) => {
  const user = jwt.verify(req.cookies.auth_token, process.env.JWT_KEY, { algorithms: ['HS256'] });
  setPassword(user.sub, req.body.password);
  res.redirect('/account');
});
