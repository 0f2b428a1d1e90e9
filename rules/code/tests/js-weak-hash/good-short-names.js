const crypto = require('crypto');

// Words that only contain the short names: a cache bypass, a compass, a signal.
function bypassCache(data) {
  return crypto.createHash('md5').update(data).digest('hex');
}
function onSignal(buf) {
  return crypto.createHash('sha1').update(buf).digest('hex');
}
module.exports = { bypassCache, onSignal };
