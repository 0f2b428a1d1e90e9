const express = require('express');

const app = express();
app.use(express.urlencoded({ extended: false }));

app.post('/login', (req, res) => {
  const { user, password } = req.body;
  res.json({ ok: check(user, password) });
});

app.get('/reset', (req, res) => {
  // A one-time token in a link is the link's purpose; a flag about passwords is not one.
  const { token } = req.query;
  const showPassword = req.body.showPassword;
  const passwordPolicy = req.query.policy === 'strict' ? 'strict' : 'default';
  res.json({ token: Boolean(token), showPassword: Boolean(showPassword), passwordPolicy });
});

function check(user, password) {
  return user === 'admin' && typeof password === 'string';
}
module.exports = app;
