const express = require('express');
const nodemailer = require('nodemailer');
const passport = require('passport');
const { Strategy: OAuth2Strategy } = require('passport-oauth2');
const crypto = require('crypto');

const app = express();
const transporter = nodemailer.createTransport({ sendmail: true });

// Password-reset poisoning: the attacker asks for the victim's reset with `Host: evil.example`, and the
// victim's token arrives inside a link to evil.example.
app.post('/forgot', async (req, res) => {
  const token = crypto.randomBytes(32).toString('hex');
  const link = `https://${req.headers.host}/reset/${token}`;
  // ruleid: code/js-host-header-injection
  await transporter.sendMail({ to: req.body.email, subject: 'Reset', text: `Open ${link}` });
  res.sendStatus(204);
});

function appUrl(req) {
  const proto = req.headers['x-forwarded-proto'];
  const host = req.headers['x-forwarded-host'] || req.headers.host;
  return proto + '://' + host;
}

// The OAuth callback built from the forwarding headers: the identity provider sends the code there.
app.get('/login', (req, res, next) => {
  const strategy = new OAuth2Strategy(
    {
      authorizationURL: 'https://idp.example.com/authorize',
      tokenURL: 'https://idp.example.com/token',
      clientID: 'app',
      clientSecret: process.env.CLIENT_SECRET,
      // ruleid: code/js-host-header-injection
      callbackURL: appUrl(req) + '/login/callback',
    },
    (accessToken, refreshToken, profile, done) => done(null, profile),
  );
  passport.use(strategy);
  passport.authenticate('oauth2')(req, res, next);
});

app.get('/oidc', (req, res) => {
  const params = new URLSearchParams({ client_id: 'app', response_type: 'code' });
  // ruleid: code/js-host-header-injection
  params.set('redirect_uri', `https://${req.get('X-Forwarded-Host')}/cb`);
  res.redirect(`https://idp.example.com/authorize?${params}`);
});

module.exports = app;
