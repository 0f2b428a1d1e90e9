const crypto = require('crypto');
const express = require('express');

const app = express();
const secret = process.env.WEBHOOK_SECRET;

app.post('/hook', express.raw({ type: '*/*' }), (req, res) => {
  const received = Buffer.from(String(req.headers['x-hub-signature-256'] || ''));
  const digest = Buffer.from('sha256=' + crypto.createHmac('sha256', secret).update(req.body).digest('hex'));
  if (received.length !== digest.length || !crypto.timingSafeEqual(received, digest)) return res.sendStatus(403);
  res.sendStatus(204);
});

// Neither side is a signature the request sent: a cache key's digest compared with the stored one, a length.
function unchanged(content, stored) {
  const hmac = crypto.createHmac('sha256', 'cache').update(content).digest('hex');
  return hmac === stored.etag || hmac.length === 64;
}

// A plain hash (no key) compared with a stored checksum: an integrity check, not an authenticator.
function sameFile(buf, sum) {
  return crypto.createHash('sha256').update(buf).digest('hex') === sum;
}

module.exports = { unchanged, sameFile };

// Both sides hashed again before the comparison: a guess's timing tells nothing of the HMAC.
function decodeToken(buf, secret) {
  var data = buf.slice(0, buf.length - 32);
  var their_mac = buf.slice(buf.length - 32);
  var good_mac = crypto.createHmac('sha256', secret).update(data).digest();
  their_mac = crypto.createHash('sha512').update(their_mac).digest('hex');
  good_mac = crypto.createHash('sha512').update(good_mac).digest('hex');
  if (their_mac !== good_mac) throw new Error('bad signature');
  return data;
}
module.exports.decodeToken = decodeToken;
