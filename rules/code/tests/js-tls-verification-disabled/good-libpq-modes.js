// A connection-string parser that follows libpq: the owner of the string picks the mode, and libpq documents
// that `prefer`/`require` do not verify and `verify-ca` checks the chain but not the host name.
function applySslMode(config) {
  switch (config.sslmode) {
    case 'prefer': {
      config.ssl.rejectUnauthorized = false;
      break;
    }
    case 'verify-ca': {
      config.ssl.checkServerIdentity = function () {};
      break;
    }
    case 'verify-full': {
      break;
    }
  }
  return config;
}

// A browser-automation option named for ignoring certificate errors.
function requestOptions(params) {
  const options = { method: params.method };
  if (params.ignoreHTTPSErrors) options.rejectUnauthorized = false;
  return options;
}

module.exports = { applySslMode, requestOptions };
