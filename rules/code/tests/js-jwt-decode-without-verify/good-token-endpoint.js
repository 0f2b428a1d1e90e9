const axios = require('axios');
const jwt = require('jsonwebtoken');

// The authorization-code exchange: the server posts the code to the issuer's token endpoint over TLS and
// reads the login from the tokens that endpoint answered with, not from anything the browser sent.
async function loginFromCode(code, redirectUri) {
  const resp = await axios.post(
    process.env.OAUTH_TOKEN_URL,
    `grant_type=authorization_code&code=${encodeURIComponent(code)}&redirect_uri=${encodeURIComponent(redirectUri)}`
  );
  const { access_token, id_token } = resp.data;
  const payload = jwt.decode(access_token) || jwt.decode(id_token);
  return payload && payload.email;
}

const refresh = async (refreshToken) => {
  const resp = await axios.post(process.env.OAUTH_TOKEN_URL, new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken }));
  return jwt.decode(resp.data.id_token).sub;
};
module.exports = { loginFromCode, refresh };
