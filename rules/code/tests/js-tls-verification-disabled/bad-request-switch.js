const express = require('express');
const https = require('https');
const app = express();
app.use(express.json());

// A mode the web client posts selects the case that turns verification off: the client's choice, not the operator's.
app.post('/hook/test', (req, res) => {
  let agentOpts = {};
  switch (req.body.tlsMode) {
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
  let ssl;
  switch (req.query.sslmode) {
    case 'require':
      // ruleid: code/js-tls-verification-disabled
      ssl = { rejectUnauthorized: false };
      break;
    default:
      ssl = true;
  }
  res.json({ ssl: Boolean(ssl) });
});
