// An options object bound to a name and handed whole to the client: request data only in its query string
// (`params`), headers or body does not choose where the request goes; the URL is the stored one.
const axios = require('axios');
const express = require('express');
const app = express();

app.get('/oauth1-credential/callback', async (req, res) => {
  const { oauth_verifier, oauth_token } = req.query;
  const stored = await loadCredential();
  const options = {
    method: 'POST',
    url: stored.accessTokenUrl,
    params: { oauth_token, oauth_verifier },
    headers: { 'x-request-id': req.headers['x-request-id'] },
  };
  const answer = await axios.request(options);
  res.json(answer.data);
});

async function loadCredential() {
  return { accessTokenUrl: process.env.OAUTH1_ACCESS_TOKEN_URL };
}
