const tls = require('tls');

// Every connection and server of the process that names no minVersion accepts TLS 1.0.
// ruleid: code/js-weak-tls-version
tls.DEFAULT_MIN_VERSION = 'TLSv1';

function legacyOptions(options) {
  // ruleid: code/js-weak-tls-version
  options.minVersion = 'TLSv1.1';
  return options;
}

module.exports = { legacyOptions };
