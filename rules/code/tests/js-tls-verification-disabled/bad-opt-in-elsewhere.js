// Verification turned off where no option named for it is chosen: when TLS is merely switched on, in the
// branch where the operator's no-verify setting is NOT set, or under a test of something else.
function pgSsl(env) {
  // ruleid: code/js-tls-verification-disabled
  return env.PG_SSL === 'true' ? { rejectUnauthorized: false } : null;
}

function sslFromMode(mode) {
  switch (mode) {
    case 'require':
      // ruleid: code/js-tls-verification-disabled
      return { rejectUnauthorized: false };
    default:
      return true;
  }
}

function notOptedIn(config) {
  if (config.mode !== 'no-verify') {
    // ruleid: code/js-tls-verification-disabled
    return { rejectUnauthorized: false };
  }
  if (!config.allowUnauthorizedCerts) {
    // ruleid: code/js-tls-verification-disabled
    return { tls: { rejectUnauthorized: false } };
  }
  return {};
}

module.exports = { pgSsl, sslFromMode, notOptedIn };
