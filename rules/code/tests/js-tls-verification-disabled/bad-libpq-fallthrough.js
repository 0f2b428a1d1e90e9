// `verify-full` falls into the case that switches verification off: the strictest mode checks nothing.
function applySslMode(config) {
  switch (config.sslmode) {
    case 'verify-full':
    case 'require':
      // ruleid: code/js-tls-verification-disabled
      config.ssl.rejectUnauthorized = false;
      break;
    default:
      break;
  }
  // Not a libpq mode switch: a setting named otherwise.
  switch (config.mode) {
    case 'require':
      // ruleid: code/js-tls-verification-disabled
      config.ssl.checkServerIdentity = () => undefined;
      break;
  }
  return config;
}

module.exports = { applySslMode };
