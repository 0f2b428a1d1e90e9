const express = require('express');
const https = require('https');
const config = require('./config');
const app = express();

// The operator's setting picks the mode; the handler also reads the request, for something else.
app.post('/hook/test', (req, res) => {
  const { target } = req.body;
  const name = req.query.name;
  let agentOpts = {};
  switch (config.tlsMode) {
    case 'insecure':
      agentOpts = { rejectUnauthorized: false };
      break;
  }
  const insecure = config.allowSelfSigned;
  const opts = insecure ? { rejectUnauthorized: false } : {};
  if (config.skipVerify) {
    agentOpts = { rejectUnauthorized: false };
  }
  https.get(target + name, { agent: new https.Agent(agentOpts), ...opts }, (r) => res.sendStatus(r.statusCode));
});
