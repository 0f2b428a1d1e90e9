const crypto = require('crypto');
const fs = require('fs');

// A checksum helper named for its algorithm is reported where it is called; here its digest is an ETag, a cache
// validator no one can forge anything with.
function md5sum(data) {
  return crypto.createHash('md5').update(data).digest('hex');
}

function send(res, body) {
  if (res.statusCode < 300) {
    res.header('ETag', '"' + md5sum(body) + '"');
  }
  res.end(body);
}

// A utility object's checksum methods, called from other modules: their use is out of sight there.
const util = {
  md5(s) {
    const md5 = crypto.createHash('md5');
    md5.update(s);
    return md5.digest('hex');
  },
  async md5File(filename) {
    return new Promise(function (resolve, reject) {
      const md5 = crypto.createHash('md5');
      const s = fs.ReadStream(filename);
      s.on('data', (d) => md5.update(d));
      s.on('end', () => resolve(md5.digest('hex')));
      s.on('error', reject);
    });
  },
};

// A digest given as the ETag header.
function cacheHeaders(res, src) {
  res.setHeader('etag', crypto.createHash('sha1').update(src).digest('base64'));
}
module.exports = { send, util, cacheHeaders };
