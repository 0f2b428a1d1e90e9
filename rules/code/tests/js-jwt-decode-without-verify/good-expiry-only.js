// Claims read only for the token's lifetime: the client refreshes before expiry, a settings form rejects an
// expired licence key early. Nothing is granted from the unverified timestamps.
const jwt = require('jsonwebtoken');

async function saveLicenseKey(licenseKey, store) {
  const decoded = jwt.decode(licenseKey.trim());
  if (!decoded) {
    return { status: 'error', errorMessage: 'Invalid license key' };
  }
  const { exp } = decoded;
  if (exp * 1000 < Date.now()) {
    return { status: 'error', errorMessage: 'License key is expired' };
  }
  await store.write('license', licenseKey);
  return { status: 'ok' };
}

function needsRefresh(token) {
  const { exp } = jwt.decode(token);
  return exp * 1000 - Date.now() < 60000;
}

function expiresAt(token) {
  const claims = jwt.decode(token);
  if (claims) return new Date(claims.exp * 1000);
  return null;
}
module.exports = { saveLicenseKey, needsRefresh, expiresAt };
