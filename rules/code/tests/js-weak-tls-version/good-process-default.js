const tls = require('tls');

tls.DEFAULT_MIN_VERSION = 'TLSv1.2';

function modernOptions(options) {
  options.minVersion = 'TLSv1.3';
  return options;
}

module.exports = { modernOptions };
