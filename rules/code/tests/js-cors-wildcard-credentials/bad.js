const cors = require('cors');
const express = require('express');
const app = express();

// ruleid: code/js-cors-wildcard-credentials
app.use(cors({ origin: true, credentials: true }));

// A test that is negated, or or-ed with another condition, is no allowlist.
function corsHeaders(allowed, inDevelopment) {
  return (req, res, next) => {
    res.header('Access-Control-Allow-Credentials', 'true');
    if (!allowed.includes(req.headers.origin)) {
      // ruleid: code/js-cors-wildcard-credentials
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    }
    if (inDevelopment || allowed.indexOf(req.headers.origin) > -1) {
      // ruleid: code/js-cors-wildcard-credentials
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
    }
    next();
  };
}
module.exports = { corsHeaders };

// A text, not a list: `includes`/`indexOf` on a string finds a substring (`https://a.co` is in
// `https://a.com`), and the origin tested for containing the trusted name passes `https://a.com.evil.example`.
function substringTests(req, res, trustedOrigin) {
  res.header('Access-Control-Allow-Credentials', 'true');
  if ('https://a.com,https://b.com'.includes(req.headers.origin)) {
    // ruleid: code/js-cors-wildcard-credentials
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  if (process.env.CORS_ORIGINS.indexOf(req.headers.origin) !== -1) {
    // ruleid: code/js-cors-wildcard-credentials
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
  if (req.headers.origin.includes(trustedOrigin)) {
    // ruleid: code/js-cors-wildcard-credentials
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin);
  }
}
module.exports.substringTests = substringTests;
