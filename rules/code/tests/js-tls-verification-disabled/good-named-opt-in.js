// Verification is on unless whoever configures the program picks an option named for turning it off: a mode
// called `no-verify` (libpq's sslmode names), a settings flag for self-signed or unauthorised certificates.
const nodemailer = require('nodemailer');

function sslFromMode(mode) {
  switch (mode) {
    case 'disable':
      return false;
    case 'no-verify':
      return { rejectUnauthorized: false };
    case 'prefer':
      break;
    case 'self-signed':
      return { rejectUnauthorized: false };
    default:
      return true;
  }
}

function sslFromConfig(config) {
  let ssl = config.ssl;
  if (ssl === 'no-verify') {
    ssl = { rejectUnauthorized: false };
  }
  return ssl;
}

function mailer(settings) {
  const options = { host: settings.host, port: settings.port };
  if (settings.smtp.allowUnauthorizedCerts) {
    options.tls = { rejectUnauthorized: false };
  }
  return nodemailer.createTransport(options);
}

const agentOptions = (cfg) => (cfg.insecureSkipVerify ? { rejectUnauthorized: false } : {});

// Each case in braces, left by a break inside them (the no-verify case is reached from no other).
function sslFromEnv(mode, setting) {
  switch (mode) {
    case 'verify-full': {
      setting.ssl = { rejectUnauthorized: true };
      break;
    }
    case 'no-verify': {
      setting.ssl = { rejectUnauthorized: false };
      break;
    }
    default: {
      setting.ssl = false;
      break;
    }
  }
}

module.exports = { sslFromEnv, sslFromMode, sslFromConfig, mailer, agentOptions };

function agentOptions(argv) {
  // wget's and curl's name for the operator's opt-out.
  return argv.noCheckCertificate ? { rejectUnauthorized: false } : {};
}
