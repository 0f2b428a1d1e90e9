// The Origin header in a refusal: the browser writes it itself (scheme://host[:port] or null), so no
// markup reaches the page from a victim's browser (cors-anywhere's origin blacklist and whitelist).
const http = require('http');

const blacklist = (process.env.BLACKLIST || '').split(',');

http
  .createServer((req, res) => {
    const origin = req.headers.origin || '';
    if (blacklist.indexOf(origin) >= 0) {
      res.writeHead(403, 'Forbidden');
      res.end('The origin "' + origin + '" was blacklisted by the operator of this proxy.');
      return;
    }
    res.end('ok');
  })
  .listen(8080);

const express = require('express');
const app = express();
app.get('/check', (req, res) => {
  res.status(403).send(`Origin ${req.get('Origin')} is not allowed`);
});
app.post('/cors', (req, res) => {
  res.send('Refused: ' + req.headers['origin']);
});
