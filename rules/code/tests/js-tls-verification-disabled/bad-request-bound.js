const express = require('express');
const https = require('https');
const app = express();
app.use(express.json());

// A mode the web client posts, first bound to a name of the handler (destructured or assigned): still the
// client's choice, not the operator's.
app.post('/hook/test', (req, res) => {
  const { tlsMode } = req.body;
  let agentOpts = {};
  switch (tlsMode) {
    case 'strict':
      agentOpts = {};
      break;
    case 'insecure':
      // ruleid: code/js-tls-verification-disabled
      agentOpts = { rejectUnauthorized: false };
      break;
  }
  https.get('https://hooks.example.com/ping', { agent: new https.Agent(agentOpts) }, (r) => res.sendStatus(r.statusCode));
});

app.get('/db/check', (req, res) => {
  const sslmode = req.query.sslmode;
  let ssl;
  switch (sslmode) {
    case 'require':
      // ruleid: code/js-tls-verification-disabled
      ssl = { rejectUnauthorized: false };
      break;
    default:
      ssl = true;
  }
  res.json({ ssl: Boolean(ssl) });
});

app.post('/db/check2', (req, res) => {
  const insecure = req.body.insecure;
  // ruleid: code/js-tls-verification-disabled
  const opts = insecure ? { rejectUnauthorized: false } : {};
  https.get('https://x.example.com', opts, (r) => res.sendStatus(r.statusCode));
});
