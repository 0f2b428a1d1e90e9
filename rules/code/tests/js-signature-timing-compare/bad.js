const crypto = require('crypto');
const express = require('express');

const app = express();
const secret = process.env.WEBHOOK_SECRET;

app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  var signature = req.headers['x-hub-signature'];
  if (!signature) return res.sendStatus(403);
  signature = signature.replace(/^sha1=/, '');
  var digest = crypto.createHmac('sha1', secret).update(req.body).digest('hex');
  // ruleid: code/js-signature-timing-compare
  if (signature !== digest) return res.sendStatus(403);
  res.sendStatus(204);
});

app.post('/hook256', express.raw({ type: '*/*' }), (req, res) => {
  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(req.body).digest('hex');
  // ruleid: code/js-signature-timing-compare
  if (req.get('X-Hub-Signature-256') != expected) return res.sendStatus(403);
  res.sendStatus(204);
});

app.get('/download', (req, res) => {
  // ruleid: code/js-signature-timing-compare
  if (crypto.createHmac('sha256', secret).update(req.query.file).digest('hex') === req.query.sig) {
    return res.send('ok');
  }
  res.sendStatus(403);
});
