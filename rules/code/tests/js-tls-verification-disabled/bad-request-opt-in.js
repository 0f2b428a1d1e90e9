const express = require('express');
const https = require('https');
const app = express();
app.use(express.json());

// The web client, not whoever configures the server, turns verification off for the hook it tests.
app.post('/hook/test', (req, res) => {
  let agentOpts = {};
  if (req.body.insecure) {
    // ruleid: code/js-tls-verification-disabled
    agentOpts = { rejectUnauthorized: false };
  }
  https.get('https://hooks.example.com/ping', { agent: new https.Agent(agentOpts) }, (r) => res.sendStatus(r.statusCode));
});

app.get('/fetch', (req, res) => {
  // ruleid: code/js-tls-verification-disabled
  const agent = new https.Agent(req.query.allowSelfSigned ? { rejectUnauthorized: false } : {});
  https.get('https://feeds.example.com/latest', { agent }, (r) => res.sendStatus(r.statusCode));
});
