const express = require('express');
const jwt = require('jsonwebtoken');
const app = express();

// The login flow's own state (the PKCE verifier, the page to go back to), signed and short-lived, in an
// httpOnly cookie: it grants nothing without the authorization code the provider sends to the callback.
app.get('/auth/login/oauth2', (req, res) => {
  const codeVerifier = provider.generateCodeVerifier();
  const prompt = !!req.query.prompt;
  const token = jwt.sign({ verifier: codeVerifier, redirect: req.query.redirect, prompt }, SECRET, {
    expiresIn: '5m',
  });
  // ok: code/js-cookie-insecure
  res.cookie(`oauth2.${req.params.provider}`, token, { httpOnly: true, sameSite: 'lax' });
  res.redirect(provider.generateAuthUrl(codeVerifier, prompt));
});

app.get('/auth/login/openid', (req, res) => {
  const state = jwt.sign({ state: newState(), nonce: newNonce() }, SECRET, { expiresIn: 300 });
  // ok: code/js-cookie-insecure
  res.cookie('openid.flow', state, { httpOnly: true });
  res.redirect(provider.authorizationUrl(state));
});
