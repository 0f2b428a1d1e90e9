// Verification turned off where no option named for it is chosen: when TLS is merely switched on, in the
// branch where the operator's no-verify setting is NOT set (also `=== false`), under a test of something else,
// or in a no-verify case another mode falls into.
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

function fallsThrough(mode) {
  switch (mode) {
    case 'require':
    case 'no-verify':
      // ruleid: code/js-tls-verification-disabled
      return { rejectUnauthorized: false };
    case 'prefer':
      mode = 'prefer';
    // no break: 'prefer' runs the next case too
    case 'allow-unauthorized':
      // ruleid: code/js-tls-verification-disabled
      return { rejectUnauthorized: false };
    default:
      return true;
  }
}

function optionOff(cfg) {
  if (cfg.insecure === false) {
    // ruleid: code/js-tls-verification-disabled
    return { rejectUnauthorized: false };
  }
  // ruleid: code/js-tls-verification-disabled
  return cfg.allowSelfSigned == null ? { rejectUnauthorized: false } : {};
}

module.exports = { pgSsl, sslFromMode, notOptedIn, fallsThrough, optionOff };
