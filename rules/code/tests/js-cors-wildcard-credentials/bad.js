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
