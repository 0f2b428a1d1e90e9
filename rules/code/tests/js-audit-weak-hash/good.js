const crypto = require('crypto');

// Current hashes are no lead.
function contentId(data) {
  return crypto.createHash('sha256').update(data).digest('hex');
}
function mac(key, body) {
  return crypto.createHmac('sha256', key).update(body).digest('hex');
}
module.exports = { contentId, mac };
